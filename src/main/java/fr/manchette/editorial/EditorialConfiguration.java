package fr.manchette.editorial;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One language detector for the service: its models are loaded the first time an item is detected. */
@Configuration(proxyBeanMethods = false)
class EditorialConfiguration {

	@Bean
	LanguageDetector languageDetector() {
		return new LanguageDetector();
	}

	@Bean
	ItemLanguage itemLanguage(LanguageDetector detector) {
		return new ItemLanguage(detector);
	}

}
