package fr.manchette.store;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Has the connection pool of an H2 store take its connections from {@link H2Reopening}, before it opens the first
 * one: a database H2 opens anew is then never one it made empty for the occasion.
 */
@Component
class H2PoolConnections implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && pool.getJdbcUrl() != null
				&& DatabaseUrl.isH2(pool.getJdbcUrl())) {
			pool.setDataSource(new H2Reopening(pool.getJdbcUrl(), pool.getDataSourceProperties()));
		}
		return bean;
	}

}
