package fr.manchette.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.manchette.fetch.FailureDetail;
import fr.manchette.fetch.FetchDetail;
import fr.manchette.parse.ParseDetail;
import fr.manchette.pipeline.PollDetail;
import org.jspecify.annotations.Nullable;

/**
 * The French of the details that failed polls leave in {@code lastError}, for the {@code /sources} page. The log and
 * {@code /api/sources} keep them in English, as the stages word them ({@link FetchDetail}, {@link ParseDetail},
 * {@link PollDetail}); a detail is read back here against those forms, its blanks kept, and said again in French. What
 * a blank holds that is no word of ours (what an XML parser or an exception said) is quoted as it came. A detail of no
 * known form (written by an instance of another version, or a bug's exception) is shown as it came, marked so.
 */
final class FrenchDetails {

	/** Every form's French, as a function of the form's blanks. */
	private static final Map<FailureDetail, Function<List<String>, String>> FRENCH = new HashMap<>();

	static {
		french(FetchDetail.CONNECT_TIMEOUT, "connexion impossible dans le délai de connexion");
		french(FetchDetail.NO_ANSWER, "pas de réponse en {0}\u00A0s");
		french(FetchDetail.NO_COMPLETE_ANSWER, "pas de réponse complète en {0}\u00A0s");
		french(FetchDetail.CONNECTION_REFUSED, "connexion refusée");
		french(FetchDetail.CONNECTION_RESET, "connexion coupée par le serveur");
		french(FetchDetail.TLS_FAILED, (blanks) -> "échec de la connexion chiffrée (TLS) : " + quoted(blanks.get(0)));
		french(FetchDetail.NETWORK_FAILURE, (blanks) -> "erreur réseau : " + quoted(blanks.get(0)));
		french(FetchDetail.UNKNOWN_HOST, "nom d’hôte inconnu (DNS) : {0}");
		french(FetchDetail.REDIRECT_TO_UNKNOWN_HOST, "redirection vers un nom d’hôte inconnu (DNS) : {0}");
		french(FetchDetail.NOT_HTTP, "la réponse n’est pas du HTTP");
		french(FetchDetail.CUT_BEFORE_BODY, "connexion fermée avant le contenu");
		french(FetchDetail.BROKEN_GZIP, (blanks) -> "contenu gzip corrompu : " + quoted(blanks.get(0)));
		french(FetchDetail.HTTP_STATUS, (blanks) -> httpStatus(blanks.get(0)));
		french(FetchDetail.NOT_MODIFIED_UNASKED, "HTTP 304 (« pas modifié ») à une requête sans validateurs");
		french(FetchDetail.GONE, "HTTP 410 : le flux a disparu pour de bon");
		french(FetchDetail.REDIRECT_WITHOUT_LOCATION, "redirection HTTP {0} sans en-tête Location");
		french(FetchDetail.UNREADABLE_LOCATION, "redirection HTTP {0} vers une adresse illisible : {1}");
		french(FetchDetail.OTHER_SCHEME, "redirection HTTP {0} vers une adresse {1}:, non suivie");
		french(FetchDetail.LINK_WITHOUT_HOST, "lien sans nom d’hôte : {0}");
		french(FetchDetail.REDIRECT_LOOP, "boucle de redirections : {0} atteint deux fois");
		french(FetchDetail.TOO_MANY_REDIRECTS, "plus de {0} redirections");
		french(FetchDetail.INTERNAL_ADDRESS, FrenchDetails::internalAddress);
		french(FetchDetail.TOO_LARGE, "le contenu dépasse {0} octets");
		french(FetchDetail.TOO_LARGE_DECOMPRESSED, "une fois décompressé, le contenu dépasse {0} octets");
		french(FetchDetail.INTERRUPTED, "interrompu par l’arrêt du service");
		french(ParseDetail.EMPTY_BODY, "réponse vide");
		french(ParseDetail.HTML_PAGE, "une page HTML, pas un flux");
		french(ParseDetail.OTHER_XML, "du XML dont la racine est <{0}>, ni RSS ni Atom");
		french(ParseDetail.JSON_WITHOUT_VERSION, "du JSON sans version de JSON Feed (https://jsonfeed.org/version/…)");
		french(ParseDetail.JSON_NOT_AN_OBJECT, "du JSON qui n’est pas un objet, donc pas un JSON Feed");
		french(ParseDetail.MALFORMED_XML, (blanks) -> "XML mal formé : " + quoted(blanks.get(0)));
		french(ParseDetail.UNREADABLE_XML, (blanks) -> "XML illisible : " + quoted(blanks.get(0)));
		french(ParseDetail.ENTITIES_REFUSED, "DOCTYPE qui déclare des entités, refusé (XXE, bombes d’entités)");
		french(ParseDetail.NOT_FOR_ROME, (blanks) -> "flux que Rome ne sait pas lire : " + quoted(blanks.get(0)));
		french(ParseDetail.JSON_TOO_BIG, (blanks) -> "JSON refusé, hors des limites d’un flux : " + quoted(blanks.get(0)));
		french(ParseDetail.MALFORMED_JSON, (blanks) -> "JSON mal formé : " + quoted(blanks.get(0)));
		french(ParseDetail.JSON_ITEMS_NOT_A_LIST, "un JSON Feed dont les items ne sont pas une liste");
		french(ParseDetail.NO_ITEM_MATCHED, "le sélecteur `{0}` ne trouve rien");
		french(ParseDetail.NO_TITLE_MATCHED, "le sélecteur `{0}` (titre) ne trouve rien dans les {1} éléments de `{2}`");
		french(PollDetail.CUT_SHORT, "réponse coupée après {0} octets : ses {1} articles entiers lus, tout est redemandé "
				+ "la prochaine fois");
		french(PollDetail.ENDED_EARLY, "document interrompu avant sa fin, après {0} octets : ses {1} articles entiers lus, "
				+ "tout est redemandé la prochaine fois");
		french(PollDetail.CUT_BEFORE_ITEM, "réponse coupée après {0} octets, avant son premier article entier");
		french(PollDetail.HEAP_TOO_SMALL, (blanks) -> of(blanks.get(0)) + " (poll.max-size vaut " + decimal(blanks.get(1))
				+ "\u00A0Mo, mais ce tas ne garde que des contenus de " + decimal(blanks.get(2))
				+ "\u00A0Mo au plus : donnez à la JVM " + blanks.get(3) + " fois le plus gros contenu avec -Xmx)");
	}

	/** The forms as patterns, those with the most words of their own first: "HTTP 410 Gone" before "HTTP {0}". */
	private static final List<Form> FORMS = FRENCH.keySet()
		.stream()
		.map(Form::of)
		.sorted(Comparator.comparingInt(Form::wordsOfItsOwn).reversed())
		.toList();

	/** What the statuses that feeds answer most often mean. */
	private static final Map<String, String> STATUSES = Map.of("400", "requête refusée", "401",
			"authentification demandée", "403", "accès interdit", "404", "page introuvable", "429",
			"trop de requêtes", "500", "erreur du serveur", "502", "passerelle en erreur", "503",
			"service indisponible", "504", "passerelle sans réponse");

	private FrenchDetails() {
	}

	/** The detail in French; one of no known form as it came, after « détail non traduit ». */
	static String of(String detail) {
		for (Form form : FORMS) {
			List<String> blanks = form.read(detail);
			if (blanks != null) {
				return FRENCH.get(form.detail()).apply(blanks);
			}
		}
		return "détail non traduit : " + quoted(detail);
	}

	/** The form a detail is read as, null for none; the page has French for every form it knows. */
	static @Nullable FailureDetail formOf(String detail) {
		return FORMS.stream().filter((form) -> form.read(detail) != null).map(Form::detail).findFirst().orElse(null);
	}

	private static void french(FailureDetail detail, String wording) {
		french(detail, (blanks) -> FailureDetail.fill(wording, blanks.toArray()));
	}

	private static void french(FailureDetail detail, Function<List<String>, String> wording) {
		FRENCH.put(detail, wording);
	}

	private static String httpStatus(String status) {
		String meaning = STATUSES.get(status);
		return "réponse HTTP " + status + ((meaning != null) ? " (" + meaning + ")" : "");
	}

	/** "redirect", "link" (to an article), "hub", "webhook": what pointed to the internal address. */
	private static String internalAddress(List<String> blanks) {
		String where = "l’adresse interne " + blanks.get(1) + " (" + blanks.get(2) + ")";
		return switch (blanks.get(0)) {
			case "redirect" -> "redirection vers " + where + " refusée";
			case "link" -> "lien vers " + where + " refusé";
			default -> blanks.get(0) + " vers " + where + " refusé";
		};
	}

	private static String quoted(String text) {
		return "«\u00A0" + text + "\u00A0»";
	}

	private static String decimal(String number) {
		return number.replace('.', ',');
	}

	/** A form as a pattern, with its blanks' numbers in the order they appear. */
	private record Form(FailureDetail detail, Pattern pattern, List<Integer> blanks, int wordsOfItsOwn) {

		private static final Pattern BLANK = Pattern.compile("\\{(\\d)\\}");

		static Form of(FailureDetail detail) {
			StringBuilder regex = new StringBuilder();
			List<Integer> blanks = new ArrayList<>();
			Matcher blank = BLANK.matcher(detail.form());
			int end = 0;
			int words = 0;
			while (blank.find()) {
				regex.append(Pattern.quote(detail.form().substring(end, blank.start()))).append("(.*)");
				words += blank.start() - end;
				blanks.add(Integer.parseInt(blank.group(1)));
				end = blank.end();
			}
			regex.append(Pattern.quote(detail.form().substring(end)));
			words += detail.form().length() - end;
			return new Form(detail, Pattern.compile(regex.toString(), Pattern.DOTALL), blanks, words);
		}

		/** The blanks' values, in their numbers' order, when the detail is of this form; else null. */
		@Nullable List<String> read(String text) {
			Matcher matcher = this.pattern.matcher(text);
			if (!matcher.matches()) {
				return null;
			}
			String[] values = new String[this.blanks.size()];
			for (int group = 1; group <= this.blanks.size(); group++) {
				values[this.blanks.get(group - 1)] = matcher.group(group);
			}
			return List.of(values);
		}

	}

}
