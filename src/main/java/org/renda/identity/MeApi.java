package org.renda.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token belongs to, and what it may do where. */
@RestController
@Tag(name = "身份 Identity")
@SecurityRequirement(name = "bearer")
class MeApi {

    private final CurrentActor currentActor;

    MeApi(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    record Me(long id, String username, String displayName, List<Actor.Grant> grants) {}

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in user and their role grants")
    Me me() {
        Actor a = currentActor.require();
        return new Me(a.userId(), a.username(), a.displayName(), a.grants());
    }
}
