package fr.manchette.web;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import tools.jackson.databind.JacksonModule;

/**
 * HTTP caching and the pages' own assets. Documents that change with the store are {@code no-cache}: a client may
 * keep them but asks each time, and our ETags make that a 304. Assets are served from the jar under a name that
 * carries a hash of their content, so they are kept a year. The headers answers carry whatever they hold are
 * {@link AnswerHeaders}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * Tomcat copies a response into a buffer of this size per connection and writes it to the socket each time it
	 * fills. At Tomcat's 8 KB, the merged feed (about 65 KB for the default 50 entries) left in nine system calls, each
	 * sending a segment of its own and waking the client; on 2 cores those cost more than everything else a cached
	 * answer does. At 128 KB a feed of the default length, headers included, goes in one. The buffer is direct memory,
	 * outside the heap: the JDK writes a heap buffer to a socket by copying it into a direct one first, a copy of the
	 * whole feed per answer (8 to 12 % of a cached feed's CPU, measured alternately). Each open connection holds its
	 * buffer: 100 connections, 13 MB.
	 */
	static final int WRITE_BUFFER = 128 * 1024;

	private final AnswerHeaders headers;

	WebConfiguration(PageSettings page) {
		this.headers = new AnswerHeaders(page);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new FixedHeaders(AnswerHeaders.REVALIDATE))
			.addPathPatterns("/", "/sources", "/opml", "/feed.*", "/headlines.txt", "/api/**");
		registry.addInterceptor(new FixedHeaders(this.headers.tickerPage())).addPathPatterns("/");
		registry.addInterceptor(new FixedHeaders(this.headers.sourcesPage())).addPathPatterns("/sources");
	}

	/** Ahead of Spring MVC, to answer preflights before any handler is looked up. */
	@Bean
	FilterRegistrationBean<CrossOriginReads> crossOriginReads() {
		FilterRegistrationBean<CrossOriginReads> registration = new FilterRegistrationBean<>(new CrossOriginReads());
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * Ahead of every servlet filter, so that a document already rendered in this state of the store costs what a
	 * cached byte array costs: no filter chain, no handler lookup, no interceptor, no observation (it counts its own
	 * answers instead).
	 */
	@Bean
	PublishedDocumentsValveInstaller publishedDocumentsValve(PublishedDocuments documents, MeterRegistry meters,
			Environment environment) {
		boolean forwardedByFramework = "framework"
			.equalsIgnoreCase(environment.getProperty("server.forward-headers-strategy", ""));
		return new PublishedDocumentsValveInstaller(
				new PublishedDocumentsValve(documents, this.headers.published(), meters, forwardedByFramework));
	}

	/**
	 * Puts the valve last among the engine's valves: after those Spring Boot adds ({@code RemoteIpValve} when
	 * {@code server.forward-headers-strategy} is {@code native}, which sets the address the client used), before the
	 * host's.
	 */
	record PublishedDocumentsValveInstaller(PublishedDocumentsValve valve)
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addEngineValves(this.valve);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/**
	 * Tomcat's own error answers as problem documents: {@link ProblemReportValve} in place of the host's error report
	 * valve. Last among the customizers, so that the one Spring Boot adds (an HTML page without Tomcat's report) is
	 * there to take out.
	 */
	record ProblemReportInstaller() implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				StandardHost host = (StandardHost) context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new ProblemReportValve());
				// Else the host adds Tomcat's own at its start, finding none of that class.
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	@Bean
	ProblemReportInstaller problemReports() {
		return new ProblemReportInstaller();
	}

	/** Instants in every JSON the service writes, as {@code Instant.toString} writes them, for less. */
	@Bean
	JacksonModule instantJson() {
		return InstantJson.module();
	}

	/**
	 * Spring Boot's servlet, configured as Boot configures it, but for {@code TRACE} and {@code OPTIONS} (see
	 * {@link MethodsDispatcherServlet}); under Boot's own name, so that Boot registers it in place of its own, and
	 * only where Boot would make its own.
	 */
	@Bean(DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	DispatcherServlet dispatcherServlet(WebMvcProperties mvc) {
		DispatcherServlet servlet = new MethodsDispatcherServlet();
		servlet.setDispatchOptionsRequest(mvc.isDispatchOptionsRequest());
		servlet.setPublishEvents(mvc.isPublishRequestHandledEvents());
		servlet.setEnableLoggingRequestDetails(mvc.isLogRequestDetails());
		return servlet;
	}

	/** The actuator's paths answer their own type whatever {@code Accept} names, as the others do. */
	@Bean
	FilterRegistrationBean<ActuatorAcceptFilter> actuatorAccept(Environment environment) {
		String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		FilterRegistrationBean<ActuatorAcceptFilter> registration = new FilterRegistrationBean<>(
				new ActuatorAcceptFilter());
		registration.addUrlPatterns(base, base + "/*");
		return registration;
	}

	/** The connector lets a {@code TRACE} through to that servlet, instead of refusing it itself. */
	@Bean
	TomcatConnectorCustomizer traceToTheServlet() {
		return (connector) -> connector.setAllowTrace(true);
	}

	@Bean
	TomcatConnectorCustomizer writeBufferCustomizer() {
		return (connector) -> {
			connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER));
			connector.setProperty("socket.directBuffer", "true");
		};
	}

	/** Sets the same headers on every response it sees, 304s included. */
	private record FixedHeaders(Map<String, String> headers) implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			this.headers.forEach(response::setHeader);
			return true;
		}

	}

}
