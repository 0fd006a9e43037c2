package fr.manchette.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import fr.manchette.config.WebhookSettings;
import fr.manchette.dedup.StoryAssigner;
import fr.manchette.dedup.StoryMatcher;
import fr.manchette.dedup.StoryWindow;
import fr.manchette.editorial.EditorialStage;
import fr.manchette.editorial.ItemLanguage;
import fr.manchette.editorial.LanguageDetector;
import fr.manchette.pipeline.StoreStep;
import fr.manchette.pipeline.StoryEvents;
import fr.manchette.store.DroppedItems;
import fr.manchette.store.ItemStoreBeans;
import fr.manchette.store.LeaseOwner;
import fr.manchette.store.SourceLeases;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.WebSubSubscriptions;
import fr.manchette.store.WebhookOutbox;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A test of the store without the rest of the service: the JDBC slice with Flyway on one H2 file (the H2 URL kept,
 * not replaced by an in-memory one), the store's repositories, and the pipeline's store step with what it needs (the language detector among them).
 * The clock stands still at {@link #NOW}.
 *
 * <p>Every class so annotated gets the same Spring context, started once for all of them: one set of beans and one
 * database file, however few of the beans a class uses. Each test runs in a transaction rolled back at its end, so
 * the classes do not see each other's rows. Add {@link OnLocalPostgres} to run the same class on PostgreSQL (one
 * more context, shared the same way).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:file:./target/h2/store")
@Import({ ItemStoreBeans.class, SourceStatusRepository.class, SourceLeases.class, LeaseOwner.class, DroppedItems.class,
		WebSubSubscriptions.class, WebhookOutbox.class, StoreStep.class, StoryAssigner.class, StoryWindow.class,
		StoryEvents.class, StoreTest.Beans.class })
public @interface StoreTest {

	/** The time of the store's clock. */
	Instant NOW = Instant.parse("2025-05-16T10:00:00Z");

	/** What the imported classes need besides the data source. */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WebhookSettings.class)
	class Beans {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
			return new TransactionTemplate(transactions);
		}

		@Bean
		EditorialStage editorialStage() {
			return new EditorialStage(new ItemLanguage(new LanguageDetector()));
		}

		@Bean
		StoryMatcher storyMatcher() {
			return new StoryMatcher(Duration.ofHours(48));
		}

	}

}
