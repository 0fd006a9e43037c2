package fr.manchette.config;

import java.util.Locale;

/** The one field an item rule looks at, when it names one ({@code title: ...}). */
public enum RuleField {

	TITLE, SUMMARY, LINK, CATEGORY, AUTHOR;

	/** How feeds.yml writes it. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
