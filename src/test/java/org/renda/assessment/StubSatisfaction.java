package org.renda.assessment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The test bean standing in for the appraisal module's votes: answers only what a test put in, so the demo
 * county and other tests see no vote source at all.
 */
@Component
class StubSatisfaction implements SatisfactionSource {

    final Map<String, BigDecimal> rates = new ConcurrentHashMap<>();

    @Override
    public Optional<BigDecimal> rate(String voteRef, long subjectRef) {
        return Optional.ofNullable(rates.get(voteRef + "/" + subjectRef));
    }
}
