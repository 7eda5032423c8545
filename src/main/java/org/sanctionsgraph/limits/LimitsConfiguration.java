package org.sanctionsgraph.limits;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock that time limits are measured with (tests replace it to make time
 * deterministic).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
