package fr.manchette.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points a Spring test at the {@link LocalPostgres} server's database instead of its H2 file. Unlike a
 * {@code @DynamicPropertySource} method, which is a class's own and so gives each class a context of its own, this
 * is the same for every class: classes that agree on everything else share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(OnLocalPostgres.Factory.class)
public @interface OnLocalPostgres {

	/** Adds the {@link Customizer} to the classes that carry the annotation. */
	final class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

	}

	/** Equal to every other one, so that it takes no part in telling contexts apart. */
	record Customizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			// First: over the H2 URL of @TestPropertySource, as a @DynamicPropertySource would be.
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("localPostgres",
						Map.of("spring.datasource.url", LocalPostgres.get().jdbcUrl())));
		}

	}

}
