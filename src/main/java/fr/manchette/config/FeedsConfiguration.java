package fr.manchette.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads feeds.yml at start-up: a wrong file stops the start with {@link InvalidFeedsFileException}. */
@Configuration(proxyBeanMethods = false)
class FeedsConfiguration {

	@Bean
	CurrentFeeds currentFeeds(ManchetteProperties properties) {
		return new CurrentFeeds(new FeedsFileLoader(properties.polling().minInterval()).load(properties.feeds()));
	}

	/** The time every stage reads; tests replace it to pin "today" in the ticker. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
