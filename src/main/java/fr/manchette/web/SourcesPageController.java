package fr.manchette.web;

import fr.manchette.publish.OpmlWriter;
import fr.manchette.publish.SourceHealthBoard;
import fr.manchette.publish.SourcesPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /sources}, the sources' health as a page, and {@code /opml}, the sources for a feed reader. */
@RestController
class SourcesPageController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType OPML = MediaType.parseMediaType("text/x-opml;charset=UTF-8");

	private final SourceHealthBoard board;

	private final SourcesPage page;

	private final OpmlWriter opml;

	private final PageAssets assets;

	private final ConditionalResponses responses;

	SourcesPageController(SourceHealthBoard board, SourcesPage page, OpmlWriter opml, PageAssets assets,
			ConditionalResponses responses) {
		this.board = board;
		this.page = page;
		this.opml = opml;
		this.assets = assets;
		this.responses = responses;
	}

	@GetMapping("/sources")
	ResponseEntity<String> sources(HttpServletRequest request) {
		return this.responses.respondByContent(request, HTML,
				this.page.render(this.board.sources(), this.assets.resources()), new HttpHeaders());
	}

	@GetMapping("/opml")
	ResponseEntity<String> opml(HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		// Shown in the browser, saved under a name a reader's import dialog recognises.
		headers.setContentDisposition(ContentDisposition.inline().filename("manchette.opml").build());
		String site = ServletUriComponentsBuilder.fromCurrentContextPath().path("/").build().toUriString();
		return this.responses.respondByContent(request, OPML, this.opml.opml(this.board.sources(), site), headers);
	}

}
