package fr.manchette.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A JSON path's answer, JSON whatever the request's {@code Accept} names: the type set on the answer is what Spring
 * writes, where it would otherwise weigh {@code Accept} and answer 406 to a script asking for {@code text/plain}. The
 * feeds and the ticker answer their own type alike.
 */
final class JsonAnswer {

	private JsonAnswer() {
	}

	static <T> ResponseEntity<T> of(T body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
