package fr.manchette.editorial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import fr.manchette.config.EditorialRules;
import fr.manchette.config.ItemRule;
import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Between normalize and dedup: keeps or drops each item by the rules of feeds.yml, the file's and the source's. An
 * item is dropped when its language is not in {@code languages} (the source's list if it has one, else the file's),
 * when it matches a {@code drop} rule of either, or when a {@code keep} list is present (the file's, the source's, or
 * both) and it matches none of that list's rules.
 * <p>
 * Items are given their language here only when a {@code languages} list is in force; otherwise {@link #language}
 * decides it later, for the items the store will write: detection is the costliest step per item before the store,
 * and most items of a poll are stored already, unchanged.
 */
@Component
public class EditorialStage {

	private final ItemLanguage languages;

	public EditorialStage(ItemLanguage languages) {
		this.languages = languages;
	}

	/**
	 * @param file the file-wide rules
	 * @param source the source's own rules
	 * @param items a poll's normalized items, in feed order
	 */
	public Judgement judge(EditorialRules file, EditorialRules source, List<Item> items) {
		List<Item> kept = new ArrayList<>(items.size());
		List<Judgement.Dropped> dropped = new ArrayList<>();
		List<String> allowed = (source.languages() != null) ? source.languages() : file.languages();
		for (Item normalized : items) {
			Item item = (allowed != null) ? this.languages.decide(normalized) : normalized;
			String rule = dropper(file, source, allowed, item);
			if (rule == null) {
				kept.add(item);
			}
			else {
				dropped.add(new Judgement.Dropped(item, rule));
			}
		}
		return new Judgement(kept, dropped, version(file, source));
	}

	/**
	 * The item with its language decided. Deciding again what was decided gives the same language: a decided
	 * language is checked as a declared one, and the detector says the same of the same text.
	 */
	public Item language(Item item) {
		return this.languages.decide(item);
	}

	/** The rule that drops the item, or null when it is kept. */
	static @Nullable String dropper(EditorialRules file, EditorialRules source, @Nullable List<String> allowed,
			Item item) {
		if (allowed != null && item.language() != null && !allowed.contains(item.language())) {
			// An item whose language nobody can tell is kept: the operator asked to leave out the others.
			return "languages: " + String.join(", ", allowed);
		}
		if (file.drop().isEmpty() && source.drop().isEmpty() && file.keep().isEmpty() && source.keep().isEmpty()) {
			return null;
		}
		RuleMatcher matcher = new RuleMatcher(item);
		for (EditorialRules rules : List.of(file, source)) {
			for (ItemRule rule : rules.drop()) {
				if (matcher.matches(rule)) {
					return "drop: " + rule.text();
				}
			}
		}
		for (EditorialRules rules : List.of(file, source)) {
			if (!rules.keep().isEmpty() && rules.keep().stream().noneMatch(matcher::matches)) {
				return "keep";
			}
		}
		return null;
	}

	/**
	 * A digest of the rules in force for a source: another one means a remembered drop must be judged again, and what
	 * its feed answered too.
	 */
	public static String version(EditorialRules file, EditorialRules source) {
		StringBuilder text = new StringBuilder();
		for (EditorialRules rules : List.of(file, source)) {
			rules.drop().forEach((rule) -> text.append("drop\u0000").append(rule.text()).append('\u0000'));
			rules.keep().forEach((rule) -> text.append("keep\u0000").append(rule.text()).append('\u0000'));
			text.append("languages\u0000").append(rules.languages()).append('\u0001');
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
