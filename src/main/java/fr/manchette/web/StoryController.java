package fr.manchette.web;

import java.util.Locale;

import fr.manchette.publish.StoryDetails;
import fr.manchette.publish.Ticker;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/stories/{id}}: every item of one story, from every source that told it. */
@RestController
class StoryController {

	private final Ticker ticker;

	StoryController(Ticker ticker) {
		this.ticker = ticker;
	}

	@GetMapping("/api/stories/{id}")
	ResponseEntity<StoryDetails> story(@PathVariable String id) {
		// Story ids are hexadecimal, written in lower case: one copied in upper case is the same story.
		return JsonAnswer.of(this.ticker.story(id.toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new UnknownStoryException(id)));
	}

}
