package fr.manchette.publish;

import java.util.List;

/** The ticker: the zone its times are in, and its lines, newest first. */
public record Headlines(String timezone, List<Headline> headlines) {

	public Headlines {
		headlines = List.copyOf(headlines);
	}

	/** {@code /headlines.txt}: one {@code HH:mm Title} line per story. */
	public String text() {
		StringBuilder text = new StringBuilder();
		this.headlines.forEach((headline) -> text.append(headline.line()).append('\n'));
		return text.toString();
	}

}
