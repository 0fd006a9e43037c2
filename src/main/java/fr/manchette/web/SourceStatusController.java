package fr.manchette.web;

import java.util.List;

import fr.manchette.publish.SourceHealth;
import fr.manchette.publish.SourceHealthBoard;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/sources}: every source with its health. */
@RestController
class SourceStatusController {

	private final SourceHealthBoard board;

	SourceStatusController(SourceHealthBoard board) {
		this.board = board;
	}

	@GetMapping(path = "/api/sources", produces = MediaType.APPLICATION_JSON_VALUE)
	SourcesResponse sources() {
		return new SourcesResponse(this.board.sources());
	}

	record SourcesResponse(List<SourceHealth> sources) {
	}

}
