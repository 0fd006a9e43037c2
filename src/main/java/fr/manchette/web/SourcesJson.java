package fr.manchette.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.manchette.publish.SourceHealth;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/sources} as bytes: {@code {"sources":[...]}}, each source's object written by Jackson as it writes it
 * in the list, and kept for the next answer while the source's health stays equal. A client that watches the list
 * during a burst of polls asks several times a second, and between two asks only the sources polled meanwhile
 * change: writing a thousand objects by reflection each time was half of the request's CPU. Safe for concurrent
 * requests: each reads the objects the last one left, and leaves its own.
 */
final class SourcesJson {

	private static final byte[] HEAD = "{\"sources\":[".getBytes(StandardCharsets.UTF_8);

	private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

	private final JsonMapper json;

	private volatile Answer last = new Answer(List.of(), Map.of(), "{\"sources\":[]}".getBytes(StandardCharsets.UTF_8));

	SourcesJson(JsonMapper json) {
		this.json = json;
	}

	/** The document for these sources, in their order. */
	byte[] write(List<SourceHealth> sources) {
		Answer previous = this.last;
		List<Written> written = new ArrayList<>(sources.size());
		Map<String, Written> byId = new HashMap<>(sources.size() * 2);
		boolean same = sources.size() == previous.written().size();
		int length = HEAD.length + TAIL.length + Math.max(0, sources.size() - 1);
		for (SourceHealth health : sources) {
			Written kept = previous.byId().get(health.id());
			Written one = (kept != null && kept.health().equals(health)) ? kept
					: new Written(health, this.json.writeValueAsBytes(health));
			same = same && one == previous.written().get(written.size());
			written.add(one);
			byId.put(health.id(), one);
			length += one.json().length;
		}
		if (same) {
			// Nothing changed since the last answer: the same bytes again.
			return previous.document();
		}
		byte[] document = new byte[length];
		System.arraycopy(HEAD, 0, document, 0, HEAD.length);
		int at = HEAD.length;
		for (int i = 0; i < written.size(); i++) {
			if (i > 0) {
				document[at++] = ',';
			}
			byte[] one = written.get(i).json();
			System.arraycopy(one, 0, document, at, one.length);
			at += one.length;
		}
		System.arraycopy(TAIL, 0, document, at, TAIL.length);
		this.last = new Answer(written, byId, document);
		return document;
	}

	/** One source's object, and the health it was written from. */
	private record Written(SourceHealth health, byte[] json) {
	}

	/** An answer: its sources' objects in order, the same by id, and the document they make. */
	private record Answer(List<Written> written, Map<String, Written> byId, byte[] document) {
	}

}
