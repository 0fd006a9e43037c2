package fr.manchette.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads feeds.yml at start-up: a wrong file stops the start with {@link InvalidFeedsFileException}. */
@Configuration(proxyBeanMethods = false)
class FeedsConfiguration {

	/** The one loader of the service's feeds.yml, at start-up and on every reload. */
	@Bean
	FeedsFileLoader feedsFileLoader(ManchetteProperties properties) {
		return new FeedsFileLoader(properties.polling().minInterval());
	}

	@Bean
	CurrentFeeds currentFeeds(FeedsFileLoader loader, ManchetteProperties properties) {
		return new CurrentFeeds(loader.load(properties.feeds()));
	}

	/** The time every stage reads; tests replace it to pin "today" in the ticker. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
