package fr.manchette.websub;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * WebSub's beans: the subscriber's with {@code manchette.public-url}, the publisher's with
 * {@code manchette.websub.hub}; none without. Decided at each start from its settings: a condition on the beans
 * themselves would be decided once and for all when the jar is built, by its ahead-of-time processing (see pom.xml).
 * {@link CallbackController} is always there, and answers 404 without a public URL.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebSubConfiguration.Beans.class)
class WebSubConfiguration {

	static final class Beans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			if (environment.getProperty("manchette.public-url") != null) {
				registry.registerBean("subscribedSources", SubscribedSources.class);
				registry.registerBean("subscriptionWorker", SubscriptionWorker.class);
				registry.registerBean("subscriber", Subscriber.class);
				registry.registerBean("intentVerifier", IntentVerifier.class);
			}
			if (environment.getProperty("manchette.websub.hub") != null) {
				registry.registerBean("hubPinger", HubPinger.class);
			}
		}

	}

}
