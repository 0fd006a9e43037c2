package fr.manchette.parse;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jspecify.annotations.Nullable;

/**
 * Spares Rome most of its date parsing, with the same dates out. Rome's {@code DateParser.parseDate} builds a new
 * {@code SimpleDateFormat} for each pattern it tries, W3C's nineteen before RFC 822's, and the RSS parsers read a
 * {@code pubDate} twice: a {@code pubDate} cost forty formats, an Atom date five; that was half of the parsing of a
 * feed. The two forms feeds write most are read here, once, with plain arithmetic:
 * <ul>
 * <li>where it is certain which date Rome would give the item, and from which element alone (an RSS 0.91-2.0 item
 * whose one date is its {@code pubDate}; an Atom 1.0 entry whose dates are its {@code published} and
 * {@code updated}), the date elements are taken out while Rome reads the item, and {@link #published(int)} gives the
 * date instead: {@code published}, else {@code updated}, as {@link FeedParser} takes them from Rome;</li>
 * <li>elsewhere, a date element is handed to Rome rewritten in the form its first pattern reads
 * ({@code 2025-05-16T17:35:00.000Z}, the same instant).</li>
 * </ul>
 * Everything is put back once Rome is done ({@link #restore()}), so that nothing after it sees the difference. Only
 * what is certain is read here: the exact texts {@code Fri, 16 May 2025 19:35:00 +0200} (or {@code GMT}, with a day
 * name that is the date's) and {@code 2025-05-16T19:35:00+02:00} (or {@code Z}), without surrounding space (Rome
 * reads {@code ...Z} followed by a newline in the JVM's zone), years 1900-2999 (Rome's calendar is Julian before
 * 1582), fields in range. Anything else goes to Rome as written; a wrong or lenient reading stays Rome's own.
 */
final class RomeDates {

	/** Elements Rome reads with {@code DateParser.parseDate}: RSS, Atom 0.3 and 1.0, and Dublin Core's date. */
	private static final Set<String> DATE_NAMES = Set.of("pubDate", "published", "updated", "issued", "modified",
			"created", "date");

	/** A feed's own dates: RSS's, Atom 0.3 and 1.0's, Dublin Core's. */
	private static final Set<String> FEED_DATE_NAMES = Set.of("pubDate", "lastBuildDate", "published", "updated",
			"issued", "modified", "created", "date");

	private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

	private static final String[] DAYS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			"Nov", "Dec" };

	private static final String ATOM_10 = "http://www.w3.org/2005/Atom";

	/** The feed types whose parser reads an RSS item's date from its {@code pubDate} in no namespace, and only there. */
	private static final Set<String> RSS_PUBDATE_TYPES = Set.of("rss_0.91U", "rss_0.91N", "rss_0.92", "rss_0.93",
			"rss_0.94", "rss_2.0");

	private final List<Text> rewritten = new ArrayList<>();

	private final List<String> originals = new ArrayList<>();

	/** Each item's date read here when its date elements were taken out, else null; in the order of the items. */
	private final @Nullable Instant[] published;

	private final List<Taken> taken = new ArrayList<>();

	private boolean rssTaken;

	private boolean atomTaken;

	/** A date element taken out of its item, and where it goes back. */
	private record Taken(Element item, int index, Element element) {
	}

	private RomeDates(int items) {
		this.published = new Instant[items];
	}

	/**
	 * Prepares the dates of these items for Rome.
	 * @param items the item or entry elements, in document order
	 * @param takeOut whether dates may be taken out ({@link #published(int)}), or only rewritten
	 * @return what puts the elements back
	 */
	static RomeDates prepare(List<Element> items, boolean takeOut) {
		RomeDates dates = new RomeDates(items.size());
		for (int i = 0; i < items.size(); i++) {
			Element item = items.get(i);
			List<Element> elements = new ArrayList<>(2);
			for (Element child : item.getChildren()) {
				if (DATE_NAMES.contains(child.getName()) && (child.getNamespace().equals(item.getNamespace())
						|| child.getNamespaceURI().equals(DUBLIN_CORE))) {
					elements.add(child);
				}
			}
			if (elements.isEmpty() || !(takeOut && dates.takeOut(i, item, elements))) {
				elements.forEach(dates::rewrite);
			}
		}
		return dates;
	}

	/**
	 * Takes out the dates of the feed itself (a channel's {@code pubDate} and {@code lastBuildDate}, its Dublin Core
	 * date, an Atom feed's {@code updated}) while Rome reads it: nothing reads the feed's date from Rome, which parsed
	 * each with its forty formats. They are put back with the rest ({@link #restore()}).
	 * @return these dates, for chaining
	 */
	RomeDates withoutFeedDates(Document document) {
		Element root = document.getRootElement();
		if (root.getName().equals("feed") || root.getName().equals("channel")) {
			takeOutFeedDates(root);
		}
		else {
			for (Element child : root.getChildren()) {
				if (child.getName().equals("channel")) {
					takeOutFeedDates(child);
				}
			}
		}
		return this;
	}

	private void takeOutFeedDates(Element feed) {
		List<Element> dates = new ArrayList<>(2);
		for (Element child : feed.getChildren()) {
			if (FEED_DATE_NAMES.contains(child.getName())) {
				dates.add(child);
			}
		}
		for (Element date : dates) {
			this.taken.add(new Taken(feed, feed.indexOf(date), date));
		}
		dates.forEach(Element::detach);
	}

	/**
	 * Whether Rome read the document as expected when dates were taken out: by a parser that reads them from the
	 * elements taken out. When not, the dates of {@link #published(int)} are not Rome's, and the document must be read
	 * again with {@code takeOut} false.
	 * @param feedType the type Rome gave the document
	 */
	boolean readAsExpected(String feedType) {
		return (!this.rssTaken || RSS_PUBDATE_TYPES.contains(feedType))
				&& (!this.atomTaken || "atom_1.0".equals(feedType));
	}

	/** True when some date element was taken out. */
	boolean tookOut() {
		return this.rssTaken || this.atomTaken;
	}

	/**
	 * The date of the item at this index, as Rome would have given it, when its date elements were taken out.
	 * @param item the index of the item in the list given to {@link #prepare(List, boolean)}
	 * @return the date, or null when Rome read the item's dates itself
	 */
	@Nullable Instant published(int item) {
		return this.published[item];
	}

	/** Puts back the texts as the feed wrote them, and the elements taken out where they were. */
	void restore() {
		for (int i = 0; i < this.rewritten.size(); i++) {
			this.rewritten.get(i).setText(this.originals.get(i));
		}
		// In document order, each at the index it had: those before it are back already.
		for (Taken element : this.taken) {
			element.item().addContent(element.index(), element.element());
		}
		this.rewritten.clear();
		this.taken.clear();
	}

	/**
	 * Takes out the date elements of an item whose date Rome would read from them alone: an RSS item in no namespace
	 * with a pubDate and no other date, an Atom 1.0 entry with at most one published and one updated and no other.
	 */
	private boolean takeOut(int index, Element item, List<Element> elements) {
		boolean rss = item.getNamespace().equals(Namespace.NO_NAMESPACE) && item.getName().equals("item")
				&& elements.size() == 1 && elements.get(0).getName().equals("pubDate");
		boolean atom = item.getNamespaceURI().equals(ATOM_10) && item.getName().equals("entry")
				&& elements.size() <= 2 && elements.stream().allMatch((element) -> element.getNamespace()
					.equals(item.getNamespace())
						&& (element.getName().equals("published") || element.getName().equals("updated")))
				&& (elements.size() == 1 || !elements.get(0).getName().equals(elements.get(1).getName()));
		if (!rss && !atom) {
			return false;
		}
		Instant published = null;
		Instant updated = null;
		for (Element element : elements) {
			Instant instant = certain(element);
			if (instant == null) {
				return false;
			}
			if (element.getName().equals("updated")) {
				updated = instant;
			}
			else {
				published = instant;
			}
		}
		this.published[index] = (published != null) ? published : updated;
		for (Element element : elements) {
			this.taken.add(new Taken(item, item.indexOf(element), element));
		}
		for (Element element : elements) {
			element.detach();
		}
		this.rssTaken |= rss;
		this.atomTaken |= atom;
		return true;
	}

	private static @Nullable Instant certain(Element element) {
		if (element.getContentSize() != 1 || !(element.getContent(0) instanceof Text text)) {
			return null;
		}
		return instant(text.getText());
	}

	private void rewrite(Element element) {
		Instant instant = certain(element);
		if (instant != null) {
			Text text = (Text) element.getContent(0);
			this.rewritten.add(text);
			this.originals.add(text.getText());
			text.setText(firstPatternForm(instant));
		}
	}

	/**
	 * The instant Rome's {@code DateParser.parseDate(text, Locale.US)} reads from this text, when the text has one of
	 * the forms read here.
	 * @param text a date element's text, exactly
	 * @return the instant, or null when the text is left to Rome
	 */
	static @Nullable Instant instant(String text) {
		try {
			if (text.length() >= 20 && text.length() <= 25 && text.charAt(10) == 'T') {
				return iso(text);
			}
			if (text.length() >= 28 && text.length() <= 31 && text.charAt(3) == ',') {
				return rfc822(text);
			}
			return null;
		}
		catch (RuntimeException ex) {
			// DateTimeException: a field out of range, which Rome's lenient calendar would roll over.
			return null;
		}
	}

	/** {@code 2025-05-16T19:35:00+02:00} or {@code 2025-05-16T17:35:00Z}. */
	private static @Nullable Instant iso(String text) {
		if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		ZoneOffset offset;
		if (text.length() == 20 && text.charAt(19) == 'Z') {
			offset = ZoneOffset.UTC;
		}
		else if (text.length() == 25 && text.charAt(22) == ':') {
			offset = offset(text.charAt(19), digits(text, 20, 2), digits(text, 23, 2));
		}
		else {
			return null;
		}
		if (offset == null) {
			return null;
		}
		return at(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2), digits(text, 14, 2),
				digits(text, 17, 2), offset);
	}

	/** {@code Fri, 16 May 2025 19:35:00 +0200}, {@code Fri, 16 May 2025 17:35:00 GMT}, also with a day of one digit. */
	private static @Nullable Instant rfc822(String text) {
		int dayName = indexOf(DAYS, text, 0);
		if (dayName < 0 || text.charAt(4) != ' ') {
			return null;
		}
		int dayEnd = (text.charAt(6) == ' ') ? 6 : 7;
		int at = dayEnd + 1;
		int month = indexOf(MONTHS, text, at);
		int rest = at + 3;
		if (month < 0 || text.charAt(dayEnd) != ' ' || text.charAt(rest) != ' ' || text.charAt(rest + 5) != ' '
				|| text.charAt(rest + 8) != ':' || text.charAt(rest + 11) != ':' || text.charAt(rest + 14) != ' ') {
			return null;
		}
		int zoneAt = rest + 15;
		ZoneOffset offset;
		if (text.length() == zoneAt + 3 && text.startsWith("GMT", zoneAt)) {
			offset = ZoneOffset.UTC;
		}
		else if (text.length() == zoneAt + 5) {
			offset = offset(text.charAt(zoneAt), digits(text, zoneAt + 1, 2), digits(text, zoneAt + 3, 2));
		}
		else {
			return null;
		}
		if (offset == null) {
			return null;
		}
		Instant instant = at(digits(text, rest + 1, 4), month + 1, digits(text, 5, dayEnd - 5), digits(text, rest + 6, 2),
				digits(text, rest + 9, 2), digits(text, rest + 12, 2), offset);
		// A day name that is not the date's is left to Rome's calendar to reconcile as it does.
		if (instant == null || ZonedDateTime.ofInstant(instant, offset).getDayOfWeek() != DayOfWeek.of(dayName + 1)) {
			return null;
		}
		return instant;
	}

	private static @Nullable Instant at(int year, int month, int day, int hour, int minute, int second,
			ZoneOffset offset) {
		if (year < 1900 || year > 2999 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
			return null;
		}
		return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset);
	}

	/** A numeric offset as SimpleDateFormat reads one: hours to 23, minutes to 59; java.time's bound is 18 h. */
	private static @Nullable ZoneOffset offset(char sign, int hours, int minutes) {
		if ((sign != '+' && sign != '-') || hours < 0 || hours > 14 || minutes < 0 || minutes > 59) {
			return null;
		}
		return (sign == '+') ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
	}

	/** The value of {@code count} ASCII digits at {@code from}, or -1. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static int indexOf(String[] names, String text, int at) {
		for (int i = 0; i < names.length; i++) {
			if (text.startsWith(names[i], at)) {
				return i;
			}
		}
		return -1;
	}

	/** The form Rome's first W3C pattern reads, {@code yyyy-MM-dd'T'HH:mm:ss.SSSz} once it has made Z "GMT+00:00". */
	static String firstPatternForm(Instant instant) {
		LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		StringBuilder form = new StringBuilder(24);
		pad(form, utc.getYear(), 4).append('-');
		pad(form, utc.getMonthValue(), 2).append('-');
		pad(form, utc.getDayOfMonth(), 2).append('T');
		pad(form, utc.getHour(), 2).append(':');
		pad(form, utc.getMinute(), 2).append(':');
		pad(form, utc.getSecond(), 2).append(".000Z");
		return form.toString();
	}

	private static StringBuilder pad(StringBuilder form, int value, int width) {
		String digits = Integer.toString(value);
		for (int i = digits.length(); i < width; i++) {
			form.append('0');
		}
		return form.append(digits);
	}

}
