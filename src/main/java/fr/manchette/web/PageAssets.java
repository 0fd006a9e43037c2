package fr.manchette.web;

import fr.manchette.publish.PageResources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The addresses of the pages' stylesheet, script and icon, with a hash of their content in the name
 * ({@code /assets/manchette-3f2a….css}): a new build changes the address, so browsers may keep them for a year.
 */
@Component
class PageAssets {

	private final ObjectProvider<ResourceUrlProvider> urls;

	private final PageSettings settings;

	/** The provider is there only in a web application context; a non-web one (a benchmark) has no pages. */
	PageAssets(ObjectProvider<ResourceUrlProvider> urls, PageSettings settings) {
		this.urls = urls;
		this.settings = settings;
	}

	PageResources resources() {
		return new PageResources(url("/assets/manchette.css"), url("/assets/ticker.js"), url("/assets/favicon.svg"),
				this.settings.refresh(), this.settings.backgroundRefresh());
	}

	private String url(String path) {
		ResourceUrlProvider provider = this.urls.getIfAvailable();
		String versioned = (provider != null) ? provider.getForLookupPath(path) : null;
		return (versioned != null) ? versioned : path;
	}

}
