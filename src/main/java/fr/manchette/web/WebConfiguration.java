package fr.manchette.web;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * HTTP caching and the pages' own assets. Documents that change with the store are {@code no-cache}: a client may
 * keep them but asks each time, and our ETags make that a 304. Assets are served from the jar under a name that
 * carries a hash of their content, so they are kept a year. The pages load nothing from anywhere else, and their
 * Content-Security-Policy says so: a title that slipped past escaping still could not run a script.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
		registry.addInterceptor(new FixedHeaders(Map.of("Cache-Control", CacheControl.noCache().getHeaderValue())))
			.addPathPatterns("/", "/sources", "/opml", "/feed.*", "/headlines.txt", "/api/**");
		registry
			.addInterceptor(new FixedHeaders(Map.of("Content-Security-Policy", PAGE_POLICY, "X-Content-Type-Options",
					"nosniff", "Referrer-Policy", "strict-origin-when-cross-origin")))
			.addPathPatterns("/", "/sources");
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
