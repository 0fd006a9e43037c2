package fr.manchette.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import fr.manchette.support.FeedparserCorpus;

/**
 * The shapes of a feedparser {@code Expect:} expression that speak of what Manchette keeps, read without evaluating
 * Python: alternatives ({@code or}) of conjunctions ({@code and}) of clauses, each a {@code bozo} flag or a chain of
 * equalities between paths into feedparser's result ({@code entries[0]['title_detail']['value']},
 * {@code feed.link}) and one literal (a string, a tuple of integers, a number).
 */
record FeedparserExpect(List<List<Clause>> alternatives) {

	/** What a clause is about, in Manchette's terms. */
	enum Field {
		/** {@code bozo}: feedparser flags the document as ill-formed. */
		BOZO,
		/** {@code not bozo}: the document is well-formed, so it must parse. */
		NOT_BOZO,
		/** {@code encoding == …}: the text must come out as that charset reads it. */
		ENCODING, TITLE, SUMMARY, LINK, GUID, DATE, LANGUAGE, FEED_TITLE, FEED_LINK,
		/** {@code len(entries) == n}. */
		COUNT,
		/** Something Manchette does not keep: the author, a feed's copyright, a base of its own. */
		NOT_KEPT
	}

	/**
	 * One clause.
	 * @param field what it is about
	 * @param entry the index of the entry it speaks of, 0 for the feed
	 * @param expected the literal: a String, an int[] (a time tuple), an Integer, or null
	 * @param text the clause as written
	 */
	record Clause(Field field, int entry, @Nullable Object expected, String text) {

		String string() {
			return (String) this.expected;
		}

	}

	private static final Pattern PATH_PART = Pattern.compile("\\[\\s*(?:'([^']*)'|\"([^\"]*)\"|(-?\\d+))\\s*]|\\.(\\w+)");

	private static final Pattern ORD = Pattern.compile("ord\\((.*)\\)");

	private static final Pattern LEN_ENTRIES = Pattern.compile("len\\(entries\\)");

	static FeedparserExpect read(String expression) {
		String whole = expression;
		int end = whole.indexOf("-->");
		if (end >= 0) {
			whole = whole.substring(0, end);
		}
		List<List<Clause>> alternatives = new ArrayList<>();
		for (String alternative : split(whole.strip(), " or ")) {
			List<Clause> clauses = new ArrayList<>();
			for (String part : split(alternative, " and ")) {
				clauses.add(clause(unwrap(part.strip())));
			}
			alternatives.add(List.copyOf(clauses));
		}
		return new FeedparserExpect(List.copyOf(alternatives));
	}

	/** Whether any clause speaks of something Manchette keeps (beyond whether the document parses). */
	boolean speaksOfWhatWeKeep() {
		return this.alternatives.stream()
			.flatMap(List::stream)
			.anyMatch((clause) -> clause.field() != Field.BOZO && clause.field() != Field.NOT_BOZO
					&& clause.field() != Field.NOT_KEPT);
	}

	boolean says(Field field) {
		return this.alternatives.stream().flatMap(List::stream).anyMatch((clause) -> clause.field() == field);
	}

	private static Clause clause(String text) {
		if (text.equals("bozo")) {
			return new Clause(Field.BOZO, 0, null, text);
		}
		if (text.equals("not bozo")) {
			return new Clause(Field.NOT_BOZO, 0, null, text);
		}
		List<String> operands = split(text, " == ");
		if (operands.size() < 2) {
			return new Clause(Field.NOT_KEPT, 0, null, text);
		}
		Object expected = literal(operands.get(operands.size() - 1).strip());
		Field field = null;
		int entry = 0;
		for (String operand : operands.subList(0, operands.size() - 1)) {
			String path = operand.strip();
			Matcher ord = ORD.matcher(path);
			if (ord.matches() && expected instanceof Integer code) {
				path = ord.group(1);
				expected = new String(Character.toChars(code));
			}
			List<String> parts = path(path);
			Field found = field(parts, expected);
			if (found == Field.NOT_KEPT || (field != null && found != field)) {
				return new Clause(Field.NOT_KEPT, 0, null, text);
			}
			field = found;
			// A chain (entries[0]['id'] == entries[1]['id'] == 'x') speaks of the last entry named; both are checked
			// through the first, which is what a reader of the feed sees first.
			entry = (parts.get(0).equals("entries")) ? Integer.parseInt(parts.get(1)) : 0;
		}
		return new Clause(field, entry, expected, text);
	}

	private static Field field(List<String> parts, @Nullable Object expected) {
		String path = String.join(".", parts);
		if (path.equals("encoding") && expected instanceof String) {
			return Field.ENCODING;
		}
		if (path.equals("len(entries)") && expected instanceof Integer) {
			return Field.COUNT;
		}
		if (path.startsWith("entries.") && parts.size() > 2) {
			String field = path.substring(path.indexOf('.', "entries.".length()) + 1);
			if (expected instanceof int[]) {
				return switch (field) {
					case "published_parsed", "updated_parsed", "created_parsed" -> Field.DATE;
					default -> Field.NOT_KEPT;
				};
			}
			if (!(expected instanceof String)) {
				return Field.NOT_KEPT;
			}
			return switch (field) {
				case "title", "title_detail.value" -> Field.TITLE;
				case "description", "summary", "summary_detail.value", "content.0.value" -> Field.SUMMARY;
				case "link", "links.0.href" -> Field.LINK;
				case "id", "guid" -> Field.GUID;
				case "language", "content.0.language", "title_detail.language", "summary_detail.language" ->
					Field.LANGUAGE;
				default -> Field.NOT_KEPT;
			};
		}
		if (!(expected instanceof String)) {
			return Field.NOT_KEPT;
		}
		return switch (path) {
			case "feed.title", "feed.title_detail.value" -> Field.FEED_TITLE;
			case "feed.link", "feed.links.0.href" -> Field.FEED_LINK;
			default -> Field.NOT_KEPT;
		};
	}

	private static List<String> path(String text) {
		if (LEN_ENTRIES.matcher(text).matches()) {
			return List.of("len(entries)");
		}
		int head = 0;
		while (head < text.length() && Character.isLetterOrDigit(text.charAt(head))) {
			head++;
		}
		List<String> parts = new ArrayList<>();
		parts.add(text.substring(0, head));
		Matcher part = PATH_PART.matcher(text);
		int at = head;
		while (at < text.length()) {
			if (!part.find(at) || part.start() != at) {
				return List.of("?");
			}
			for (int group = 1; group <= 4; group++) {
				if (part.group(group) != null) {
					parts.add(part.group(group));
				}
			}
			at = part.end();
		}
		return parts;
	}

	private static @Nullable Object literal(String text) {
		String body = text.startsWith("u'") || text.startsWith("u\"") ? text.substring(1) : text;
		if (body.length() >= 2 && (body.startsWith("'") && body.endsWith("'")
				|| body.startsWith("\"") && body.endsWith("\""))) {
			return FeedparserCorpus.pythonString(body.substring(1, body.length() - 1));
		}
		if (body.matches("-?\\d+")) {
			return Integer.valueOf(body);
		}
		if (body.startsWith("(") && body.endsWith(")") && body.matches("\\(\\s*\\d+(\\s*,\\s*\\d+)*\\s*\\)")) {
			String[] numbers = body.substring(1, body.length() - 1).split(",");
			int[] tuple = new int[numbers.length];
			for (int i = 0; i < numbers.length; i++) {
				tuple[i] = Integer.parseInt(numbers[i].strip());
			}
			return tuple;
		}
		return null;
	}

	/** A clause in parentheses of its own, its parentheses off. */
	private static String unwrap(String text) {
		if (!text.startsWith("(") || !text.endsWith(")")) {
			return text;
		}
		int[] depths = depths(text);
		for (int i = 0; i < text.length() - 1; i++) {
			if (depths[i] == 0) {
				return text;
			}
		}
		return text.substring(1, text.length() - 1).strip();
	}

	/** Splits at a separator outside quotes and brackets. */
	private static List<String> split(String text, String separator) {
		int[] depths = depths(text);
		List<String> parts = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			if (depths[i] == 0 && text.startsWith(separator, i)) {
				parts.add(text.substring(start, i));
				start = i + separator.length();
				i = start - 1;
			}
		}
		parts.add(text.substring(start));
		return parts;
	}

	/** How deep in brackets each character is, counting the one it opens or closes; -1 within a string literal. */
	private static int[] depths(String text) {
		int[] depths = new int[text.length()];
		int depth = 0;
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			depths[i] = -1;
			if (quote != 0) {
				if (c == '\\' && i + 1 < text.length()) {
					depths[++i] = -1;
				}
				else if (c == quote) {
					quote = 0;
				}
				continue;
			}
			if (c == '\'' || c == '"') {
				quote = c;
				continue;
			}
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			depths[i] = depth;
			if (c == ')' || c == ']' || c == '}') {
				depth--;
			}
		}
		return depths;
	}

}
