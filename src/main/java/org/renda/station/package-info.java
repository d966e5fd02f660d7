/**
 * Liaison stations (代表联络站): the network of centre stations, stations and points attached to the
 * organisation tree, with staff and assigned deputies; reception days (接待选民日) generated from a rule into
 * a yearly roster that deputies confirm or swap; reception and visit records whose matters turn into tracked
 * cases; the station's rhythm (weekly deliberation, quarterly joint meeting, half-yearly reports, annual
 * summary); the station ledger and its figures. Everything a deputy does here is attested in their duty
 * archive through {@link org.renda.deputy.DutyLog#recordAttested}.
 */
@ApplicationModule(displayName = "Liaison stations")
@NullMarked
package org.renda.station;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
