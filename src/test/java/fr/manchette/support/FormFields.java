package fr.manchette.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of an {@code application/x-www-form-urlencoded} body, as a hub reads a subscriber's request. */
public final class FormFields {

	private FormFields() {
	}

	/** Each field's value by its name, in the body's order; a field without {@code =} has an empty value. */
	public static Map<String, String> of(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return form;
	}

}
