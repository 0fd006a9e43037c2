package fr.manchette.pipeline;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The polling's beans, there only with {@code manchette.polling.enabled} (the default): an instance that only serves
 * neither polls nor prunes. Decided at each start from its settings: a condition on the beans themselves would be
 * decided once and for all when the jar is built, by its ahead-of-time processing (see pom.xml).
 */
@Configuration(proxyBeanMethods = false)
@Import(PollingConfiguration.Beans.class)
class PollingConfiguration {

	static final class Beans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			if (environment.getProperty("manchette.polling.enabled", Boolean.class, true)) {
				registry.registerBean("pollScheduler", PollScheduler.class);
				registry.registerBean("retentionPruner", RetentionPruner.class);
			}
		}

	}

}
