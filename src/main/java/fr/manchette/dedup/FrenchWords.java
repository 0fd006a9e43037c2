package fr.manchette.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The French that the story matcher knows: words that carry no story (stop words), how words are folded, numbers
 * written in letters, the words that start a headline without being a name, publishers' names that decorate
 * headlines, and the words whose opposites make another story (hausse / baisse, victoire / défaite…).
 */
public final class FrenchWords {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Articles, pronouns, prepositions, auxiliaries: compared as folded, before stemming. */
	static final Set<String> STOP = Set.copyOf(List.of("le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux",
			"a", "et", "ou", "en", "dans", "sur", "sous", "pour", "par", "avec", "chez", "vers", "entre", "contre",
			"ce", "cet", "cette", "ces", "c", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos",
			"votre", "vos", "qui", "que", "qu", "quoi", "dont", "est", "sont", "etait", "ete", "etre", "ont", "avoir",
			"se", "s", "y", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j", "tu", "lui", "me", "m",
			"te", "t", "eux", "quel", "quelle", "quels", "quelles", "lors", "plus", "tres", "trop", "aussi", "deja",
			"encore", "tout", "tous", "toute", "toutes", "selon", "depuis", "pendant", "ainsi", "alors", "comme",
			"mais", "donc", "car", "si", "cela", "ca", "celui", "celle", "ceux", "meme", "chaque", "va", "vont",
			"sera", "seront", "serait", "fut", "avait", "doit", "doivent", "peut", "peuvent", "pourrait", "devrait",
			"face", "vis", "jusqu", "lorsqu", "puisqu", "presqu", "quoiqu", "ci", "la-bas", "voici", "voila",
			"ne", "n", "pas", "jamais", "aucun", "aucune", "nullement", "sans", "afin", "via", "apres", "reste",
			"restent"));

	/** Whether a folded word (lower case, no accent) is a stop word: it says nothing of what a text is about. */
	public static boolean isStopWord(String folded) {
		return STOP.contains(folded);
	}

	/** Whether some stop word starts with this folded prefix. */
	public static boolean startsAStopWord(String prefix) {
		for (String stop : STOP) {
			if (stop.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Words that make a headline say no. */
	static final Set<String> NEGATION = Set.of("ne", "n", "pas", "jamais", "aucun", "aucune", "nullement");

	/** The stem of the words that make a headline deny what another one says: « dément », « démenti ». */
	static final String DENIAL = "dement";

	/** Between two capitalised words, these keep a name together: « Lions de l'Atlas », « Coupe du Trône ». */
	static final Set<String> NAME_CONNECTORS = Set.of("de", "du", "des", "d", "l", "la", "le", "el", "al", "ben",
			"bin", "ibn", "y");

	/**
	 * The first words of places written with a hyphen that are another place than the rest: « Haute-Loire » is not
	 * « Loire », « Saint-Denis » not « Denis ».
	 */
	static final Set<String> PLACE_QUALIFIERS = Set.of("haut", "haute", "hautes", "bas", "basse", "basses", "saint",
			"sainte", "st", "ste", "grand", "grande", "petit", "petite", "nouvelle", "nouveau", "val", "mont", "pont",
			"port", "ile", "iles");

	/**
	 * Words that start many headlines with a capital only because they come first: a name that starts a headline is
	 * a name ("Maroc : …" and "Algérie : …" are two stories), these are not.
	 */
	static final Set<String> COMMON_OPENERS = Set.copyOf(List.of("nouvelle", "nouveau", "nouvel", "nouvelles", "nouveaux",
			"hausse", "baisse", "forte", "fortes", "fort", "alerte", "urgent", "exclusif", "video", "videos", "photos",
			"photo", "direct", "info", "bilan", "enquete", "entretien", "interview", "tribune", "analyse", "recit",
			"portrait", "decryptage", "reportage", "temoignage", "officiel", "flash", "comment", "pourquoi", "quand",
			"combien", "ou", "apres", "avant", "premier", "premiere", "deux", "trois", "vague", "pluies", "pluie",
			"prix", "meteo", "accident", "seisme", "attentat", "fusillade", "arrestation", "demantelement", "saisie",
			"lancement", "ouverture", "fermeture", "reouverture", "inauguration", "investiture", "victoire", "defaite",
			"report", "annulation", "suppression", "appel", "audition", "proces", "condamnation", "vol", "braquage",
			"tempete", "canicule", "inondations", "coupure", "travaux", "change", "croissance", "inflation",
			"tourisme", "emprunt", "sortie", "exportations", "exportation", "importations", "automobile",
			"numerique", "transferts", "dessalement", "eau", "drones", "finances", "aide", "carburants", "carburant",
			"greve", "incendie", "secheresse", "guerre", "crise", "reforme", "budget", "sante", "education",
			"justice", "football", "basket", "handball", "tennis", "athletisme", "futsal", "cyclisme", "sport",
			"economie", "politique", "societe", "culture", "monde", "international", "nationale", "national",
			"regions", "region", "immobilier", "energie", "hydrogene", "agriculture", "peche", "accord", "accords",
			"interconnexion", "change", "bourse", "marche", "marches", "emploi", "chomage", "retraite", "retraites",
			"salaires", "salaire", "impots", "fiscalite", "investissement", "investissements", "infrastructures",
			"transport", "transports", "trafic", "travail", "logement", "habitat", "enseignement", "universite",
			"baccalaureat", "bac", "examens", "vaccination", "epidemie", "covid", "probleme", "droits", "securite",
			"terrorisme", "diplomatie", "migration", "migrants", "elections", "election", "presidentielle",
			"legislatives", "municipales", "referendum", "fin", "debut", "mort", "morts", "deces", "hommage", "drame",
			"scandale", "affaire", "polemique", "controverse", "exclusivite", "vrai", "faux", "tout", "toute",
			"plus", "moins", "voici", "chaleur", "froid", "neige", "orages", "orage", "vent", "tempetes", "alerte",
			"reseaux", "finale", "demi-finale", "match", "amical", "liste", "mercato", "transfert", "classement",
			"resultats", "calendrier", "programme", "festival", "concert", "cinema", "musique", "livre", "salon",
			"exposition", "tramway", "autoroute", "train", "avion", "vols", "port", "aeroport", "ecole", "hopital",
			"medecins", "police", "gendarmerie", "armee", "gouvernement", "parlement", "ministere", "ministre",
			"wali", "maire", "commune", "ville", "villes", "pays", "peuple", "citoyens", "jeunes", "femmes", "enfants",
			"etudiants", "eleves", "agriculteurs", "travailleurs", "fonctionnaires", "entreprises", "banques",
			"operateurs", "consommateurs", "menages", "familles", "touristes", "supporters", "joueurs", "equipe",
			"selection", "club", "clubs", "coupe", "championnat", "tournoi", "jeux", "mondial", "travaux", "chantier",
			"projet", "projets", "plan", "strategie", "programme", "contrat", "convention", "partenariat",
			"cooperation", "sommet", "forum", "conference", "reunion", "visite", "voyage", "delegation",
			"marathon", "course", "rallye"));

	/** How many things a word in letters counts: "deux" is 2. "un" and "une" only before a unit (see below). */
	static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("deux", "2"), Map.entry("trois", "3"),
			Map.entry("quatre", "4"), Map.entry("cinq", "5"), Map.entry("six", "6"), Map.entry("sept", "7"),
			Map.entry("huit", "8"), Map.entry("neuf", "9"), Map.entry("dix", "10"), Map.entry("onze", "11"),
			Map.entry("douze", "12"), Map.entry("treize", "13"), Map.entry("quatorze", "14"),
			Map.entry("quinze", "15"), Map.entry("seize", "16"), Map.entry("dix-sept", "17"),
			Map.entry("dix-huit", "18"), Map.entry("dix-neuf", "19"), Map.entry("vingt", "20"),
			Map.entry("trente", "30"), Map.entry("quarante", "40"), Map.entry("cinquante", "50"),
			Map.entry("soixante", "60"), Map.entry("cent", "100"), Map.entry("mille", "1000"),
			Map.entry("premier", "1"), Map.entry("premiere", "1"), Map.entry("deuxieme", "2"),
			Map.entry("second", "2"), Map.entry("seconde", "2"), Map.entry("troisieme", "3"),
			Map.entry("quatrieme", "4"), Map.entry("cinquieme", "5"), Map.entry("sixieme", "6"),
			Map.entry("septieme", "7"), Map.entry("huitieme", "8"), Map.entry("neuvieme", "9"),
			Map.entry("dixieme", "10"));

	/** "une heure", "un an": here "un" counts. */
	static final Set<String> UNITS = Set.of("heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "an",
			"ans", "annee", "annees", "minute", "minutes", "siecle", "tonne", "tonnes", "fois");

	/**
	 * What counts an amount after a number, as stemmed: « 29 millions d'euros » shares a figure, not a story; « le
	 * dirham face au dollar » is about currencies.
	 */
	static final Set<String> AMOUNTS = Set.of("million", "milliard", "euro", "dirham", "dollar", "centim", "km",
			"metr", "hectar", "tonn", "point", "an", "jour", "heur", "moi", "semain");

	/** Abbreviations written out, so that both spellings compare alike. */
	static final Map<String, List<String>> ABBREVIATIONS = Map.of("dh", List.of("dirham"), "dhs", List.of("dirham"),
			"mdh", List.of("million", "dirham"), "mmdh", List.of("milliard", "dirham"), "mds",
			List.of("milliard"), "aujourd'hui", List.of("aujourdhui"));

	/** A few irregular forms folded to one. */
	static final Map<String, String> LEMMAS = Map.of("nouvel", "nouveau", "nouvelle", "nouveau", "nouvelles",
			"nouveau", "nouveaux", "nouveau", "vieil", "vieux", "vieille", "vieux");

	/**
	 * Publishers whose name ends (or starts) headlines: " - Le360", " | Hespress". Compared folded, without
	 * spaces or punctuation.
	 */
	static final Set<String> PUBLISHERS = Set.of("le360", "hespress", "hespressfr", "medias24", "lematin",
			"casamatin", "lavieeco", "leconomiste", "leseco", "lesecoma", "telquel", "yabiladi", "h24info",
			"lesiteinfo", "barlamane", "hibapress", "snrtnews", "2m", "2mma", "map", "mapexpress", "ledesk",
			"lemonde", "lefigaro", "franceinfo", "liberation", "bfmtv", "bfm", "20minutes", "ouestfrance",
			"leparisien", "rfi", "france24", "jeuneafrique", "lequipe", "challenge", "challengema",
			"aujourdhuilemaroc", "afp", "reuters", "euronews", "lepoint", "lexpress", "huffpost", "lobs",
			"lesechos", "latribune", "sudouest", "ladepeche", "lejdd", "jdd", "europe1", "rtl", "tf1info", "tf1",
			"france3", "ledauphine", "lavoixdunord", "nicematin", "leprogres", "midilibre", "lhumanite", "lacroix",
			"marianne", "mediapart", "courrierinternational", "letemps", "tv5monde", "marocdiplomatique", "quid", "lopinion", "alyaoum24", "article19", "bladi", "bladinet", "welovebuzz",
			"h24", "lodj", "fnh", "financenews", "boursenews", "infomediaire", "ecoactu");

	/**
	 * Words whose opposite, in the other headline, makes another story. Each group maps a word to one of its
	 * values; two headlines conflict when each has a word of the group, not in the other, with another value.
	 * A trailing {@code *} matches every word starting so (after stemming).
	 */
	private static final Map<String, Map<String, List<String>>> SENSE_GROUPS = Map.ofEntries(
			Map.entry("trend",
					Map.of("up",
							List.of("hausse", "augment*", "progress*", "grimp*", "bondi*", "bond", "flamb*", "envol*",
									"rebond*", "remont*", "relev*", "acceler*", "appreci*", "renchérit"),
							"down",
							List.of("baisse", "diminu*", "recul*", "chute", "chutent", "repli*", "degringol*",
									"effondr*", "abaiss*", "ralenti*", "plong*", "depreci*", "reduit", "reduction"),
							"flat", List.of("maint*", "inchang*", "stable", "stabilit*", "stagn*"))),
			Map.entry("result",
					Map.of("win",
							List.of("victoire", "gagne", "gagnent", "remport*", "vainqu*", "impose", "imposent",
									"emport*", "triomph*", "bat", "battent", "sacre", "elu", "elue", "reelu", "reelue"),
							"lose", List.of("defaite", "perd", "perdent", "perdu", "battu", "inclin*"))),
			Map.entry("qualification", Map.of("in", List.of("qualifi*"), "out", List.of("elimin*"))),
			Map.entry("opening",
					Map.of("open", List.of("ouvr*", "ouvert*", "rouvr*", "reouv*", "inaugur*"), "close",
							List.of("ferme", "fermeture", "clotur*"))),
			Map.entry("service",
					Map.of("on", List.of("retabli*", "repri*", "reprend*", "reprenn*", "relanc*", "entam*"),
							"off", List.of("interromp*", "suspend*", "suspension"))),
			Map.entry("start",
					Map.of("start", List.of("debut*", "lance", "lancent", "lancement", "demarr*", "ouvr*", "entam*"),
							"end", List.of("fin", "termin*", "achev*", "suspend*"))),
			Map.entry("permission",
					Map.of("allow", List.of("autoris*", "legalis*", "laisse"), "forbid",
							List.of("interdi*", "bloqu*", "prohib*", "bann*"))),
			Map.entry("vote",
					Map.of("yes", List.of("adopt*", "approuv*", "valide", "ratifi*"), "no",
							List.of("rejet*", "refus*", "retoqu*", "recal*"))),
			Map.entry("truth", Map.of("confirm", List.of("confirm*"), "deny", List.of("dement*"))),
			Map.entry("justice",
					Map.of("arrested",
							List.of("arrete", "arretes", "arrestation*", "interpell*", "incarcer*", "ecrou*"),
							"charged", List.of("inculp*", "mis en examen"), "convicted", List.of("condamn*", "ecop*"),
							"cleared", List.of("acquitt*", "relax*", "graci*", "blanchi*"), "freed",
							List.of("libere", "liberee", "liberation", "relach*"))),
			Map.entry("office",
					Map.of("in", List.of("nomm*", "nomination*"), "out",
							List.of("limog*", "demission*", "revoqu*", "evinc*", "congedi*", "quitt*"))),
			Map.entry("receipt", Map.of("received", List.of("recoi*", "recev*", "recept*", "recu", "recue"))),
			Map.entry("forecast", Map.of("expected", List.of("prevoi*", "prevu", "prevue", "prevision*", "table",
					"tablent", "anticip*"))),
			Map.entry("life", Map.of("alive", List.of("vivant*", "survivant*", "rescap*", "sauv*"), "dead",
					List.of("mort", "morte", "deced*", "tue", "deces", "meurt"))),
			Map.entry("balance", Map.of("surplus", List.of("exced*", "benefic*"), "deficit",
					List.of("deficit*", "perte"))),
			Map.entry("stance",
					Map.of("praise", List.of("salu*", "felicit*", "soutien*", "soutient"), "blame",
							List.of("condamn*", "denonc*", "critiqu*", "fustig*", "deplor*"))),
			Map.entry("trade", Map.of("export", List.of("exportation*", "exporte", "exportent", "exporter", "export"), "import",
					List.of("importation*", "importe", "importent", "importer"))),
			Map.entry("level",
					Map.of("green", List.of("vert", "verte"), "yellow", List.of("jaune"), "orange", List.of("orange"),
							"red", List.of("rouge"))),
			Map.entry("weekday",
					Map.ofEntries(Map.entry("1", List.of("lundi")), Map.entry("2", List.of("mardi")),
							Map.entry("3", List.of("mercredi")), Map.entry("4", List.of("jeudi")),
							Map.entry("5", List.of("vendredi")), Map.entry("6", List.of("samedi")),
							Map.entry("7", List.of("dimanche")), Map.entry("tomorrow", List.of("demain")),
							Map.entry("tonight", List.of("soir", "soiree")), Map.entry("night", List.of("nuit")),
							Map.entry("weekend", List.of("week")), Map.entry("week", List.of("semaine")))),
			Map.entry("venue", Map.of("home", List.of("domicil*"), "away", List.of("exterieur", "deplacement"))),
			Map.entry("month",
					Map.ofEntries(Map.entry("1", List.of("janvier")), Map.entry("2", List.of("fevrier")),
							Map.entry("3", List.of("mars")), Map.entry("4", List.of("avril")),
							Map.entry("5", List.of("mai")), Map.entry("6", List.of("juin")),
							Map.entry("7", List.of("juillet")), Map.entry("8", List.of("aout")),
							Map.entry("9", List.of("septembre")), Map.entry("10", List.of("octobre")),
							Map.entry("11", List.of("novembre")), Map.entry("12", List.of("decembre")))),
			Map.entry("period",
					Map.of("week", List.of("semaine"), "month", List.of("mois"), "quarter", List.of("trimestre"),
							"half", List.of("semestre"), "year", List.of("annee"))),
			Map.entry("direction", Map.of("north", List.of("nord"), "south", List.of("sud"), "west",
					List.of("ouest"))));

	/**
	 * Capitals and seats that the press names for their country (« Washington et Pékin » for the United States and
	 * China), as folded words: the country's words, then its capital's.
	 */
	private static final List<List<String>> METONYMS = List.of(List.of("maroc", "|", "rabat"),
			List.of("algerie", "|", "alger"), List.of("tunisie", "|", "tunis"), List.of("libye", "|", "tripoli"),
			List.of("egypte", "|", "caire"), List.of("mauritanie", "|", "nouakchott"),
			List.of("senegal", "|", "dakar"), List.of("mali", "|", "bamako"), List.of("niger", "|", "niamey"),
			List.of("burkina", "|", "ouagadougou"), List.of("gabon", "|", "libreville"),
			List.of("tchad", "|", "ndjamena"), List.of("cameroun", "|", "yaounde"), List.of("nigeria", "|", "abuja"),
			List.of("kenya", "|", "nairobi"), List.of("ethiopie", "|", "addis", "abeba"),
			List.of("ghana", "|", "accra"), List.of("rwanda", "|", "kigali"), List.of("afrique", "sud", "|", "pretoria"),
			List.of("france", "|", "paris"), List.of("france", "|", "elysee"), List.of("espagne", "|", "madrid"),
			List.of("portugal", "|", "lisbonne"), List.of("italie", "|", "rome"), List.of("allemagne", "|", "berlin"),
			List.of("royaume", "uni", "|", "londres"), List.of("belgique", "|", "bruxelles"),
			List.of("russie", "|", "moscou"), List.of("russie", "|", "kremlin"), List.of("ukraine", "|", "kiev"),
			List.of("ukraine", "|", "kyiv"), List.of("etats", "unis", "|", "washington"),
			List.of("etats", "unis", "|", "maison", "blanche"), List.of("chine", "|", "pekin"),
			List.of("japon", "|", "tokyo"), List.of("turquie", "|", "ankara"), List.of("iran", "|", "teheran"),
			List.of("arabie", "saoudite", "|", "riyad"), List.of("qatar", "|", "doha"), List.of("liban", "|", "beyrouth"),
			List.of("syrie", "|", "damas"), List.of("irak", "|", "bagdad"), List.of("jordanie", "|", "amman"),
			List.of("canada", "|", "ottawa"), List.of("bresil", "|", "brasilia"), List.of("inde", "|", "delhi"));

	private static final Map<List<String>, List<String>> PLACE_OF = new HashMap<>();

	/** For a seat its country, for a country its seats: what {@link #countryIn} looks for. */
	private static final Map<List<String>, List<List<String>>> AROUND = new HashMap<>();

	static {
		for (List<String> metonym : METONYMS) {
			int bar = metonym.indexOf("|");
			List<String> country = metonym.subList(0, bar).stream().map(FrenchWords::stem).toList();
			List<String> seat = metonym.subList(bar + 1, metonym.size()).stream().map(FrenchWords::stem).toList();
			PLACE_OF.put(seat, country);
			AROUND.computeIfAbsent(seat, (key) -> new ArrayList<>()).add(country);
			AROUND.computeIfAbsent(country, (key) -> new ArrayList<>()).add(seat);
		}
	}

	private static final Map<String, List<Sense>> EXACT_SENSES = new HashMap<>();

	/** The senses of the words seen so far: each word's are looked up once. */
	private static final Map<String, List<Sense>> SENSES_OF = new java.util.concurrent.ConcurrentHashMap<>();

	private static final List<Map.Entry<String, Sense>> PREFIX_SENSES = new ArrayList<>();

	static {
		SENSE_GROUPS.forEach((group, values) -> values.forEach((value, words) -> {
			for (String word : words) {
				Sense sense = new Sense(group, value);
				if (word.endsWith("*")) {
					PREFIX_SENSES.add(Map.entry(word.substring(0, word.length() - 1), sense));
				}
				else {
					EXACT_SENSES.computeIfAbsent(stem(fold(word)), (key) -> new ArrayList<>()).add(sense);
				}
			}
		}));
	}

	private FrenchWords() {
	}

	/** Lower case, accents and ligatures off: "Œuvre" is "oeuvre", "Sénégal" is "senegal". */
	static String fold(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		boolean ascii = true;
		for (int i = 0; i < lower.length() && ascii; i++) {
			ascii = lower.charAt(i) < 128;
		}
		if (ascii) {
			return lower;
		}
		lower = lower.replace("œ", "oe").replace("æ", "ae");
		return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
	}

	static boolean hasDigit(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (Character.isDigit(word.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A light French stemmer, enough for headlines: plurals ("journaux" → "journal", "prix" → "pri"), the verb
	 * ending "-ent", and final "e"s ("sacrée", "sacré" → "sacr"). Both headlines are folded alike, so an odd stem
	 * costs nothing.
	 */
	static String stem(String folded) {
		String word = LEMMAS.getOrDefault(folded, folded);
		if (hasDigit(word)) {
			return word;
		}
		if (word.length() > 4 && word.endsWith("aux")) {
			word = word.substring(0, word.length() - 3) + "al";
		}
		else if (word.length() > 3 && (word.endsWith("s") || word.endsWith("x"))) {
			word = word.substring(0, word.length() - 1);
		}
		if (word.length() > 6 && word.endsWith("ent")) {
			word = word.substring(0, word.length() - 3);
		}
		for (int i = 0; i < 2 && word.length() > 3 && word.endsWith("e"); i++) {
			word = word.substring(0, word.length() - 1);
		}
		return word;
	}

	/**
	 * Two spellings of one word, as the stemmer leaves them: one starts with the other, at least four letters long
	 * (« maroc » / « marocain », « kenya » / « kenyan »), or both start with the same six letters (« touriste » /
	 * « tourisme »).
	 */
	static boolean variants(String x, String y) {
		if (x.equals(y)) {
			return true;
		}
		if (hasDigit(x) || hasDigit(y)) {
			return false;
		}
		int common = commonPrefix(x, y);
		return (common == Math.min(x.length(), y.length()) && common >= 4) || common >= 6;
	}

	/**
	 * Two spellings of one name: {@link #variants}, or, for words of six letters or more, one typing or
	 * transliteration slip apart (« Racheline » / « Rachline », « Akhannouch » / « Akhanouch »).
	 */
	static boolean nameVariants(String x, String y) {
		return variants(x, y) || (x.length() >= 6 && y.length() >= 6 && oneEditApart(x, y));
	}

	/** One letter inserted, deleted or replaced. */
	private static boolean oneEditApart(String x, String y) {
		if (Math.abs(x.length() - y.length()) > 1) {
			return false;
		}
		String shorter = (x.length() <= y.length()) ? x : y;
		String longer = (x.length() <= y.length()) ? y : x;
		int i = 0;
		while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
			i++;
		}
		if (shorter.length() == longer.length()) {
			return shorter.substring(i + Math.min(1, shorter.length() - i)).equals(longer.substring(i + Math.min(1, longer.length() - i)));
		}
		return shorter.substring(i).equals(longer.substring(i + 1));
	}

	static int commonPrefix(String x, String y) {
		int common = 0;
		while (common < x.length() && common < y.length() && x.charAt(common) == y.charAt(common)) {
			common++;
		}
		return common;
	}

	/** Whether one name is the other's capital or seat: « Washington » and « États-Unis ». */
	static boolean sameCountry(List<String> x, List<String> y) {
		return y.equals(PLACE_OF.get(x)) || x.equals(PLACE_OF.get(y));
	}

	/** Whether {@code words} hold, in a row, the country of the seat {@code name}, or the seat of the country. */
	static boolean countryIn(List<String> name, List<String> words) {
		List<List<String>> others = AROUND.get(name);
		if (others == null) {
			return false;
		}
		for (List<String> other : others) {
			if (java.util.Collections.indexOfSubList(words, other) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Words that say how a day or a month counts: « jusqu'à jeudi », « dès lundi », « avant mars », « après mai »,
	 * « d'ici septembre ». « Attendues jusqu'à jeudi » is not « attendues jeudi ».
	 */
	static final Set<String> TIME_MODES = Set.of("jusqu", "des", "avant", "apres", "ici");

	/** Between a word of {@link #TIME_MODES} and its day: « jusqu~jeudi ». */
	static final char TIME_MODE = '~';

	/** Whether a stemmed word is a day or a month, which a time mode may go with. */
	static boolean timeWord(String stem) {
		return senses(stem).stream().anyMatch((sense) -> sense.group().equals("weekday") || sense.group().equals("month"));
	}

	/** The senses a stemmed word carries, if any; a day with a time mode has the day's, as another value. */
	static List<Sense> senses(String stem) {
		List<Sense> known = SENSES_OF.get(stem);
		if (known != null) {
			return known;
		}
		int mode = stem.indexOf(TIME_MODE);
		if (mode > 0) {
			String prefix = stem.substring(0, mode + 1);
			List<Sense> moded = senses(stem.substring(mode + 1)).stream()
				.map((sense) -> new Sense(sense.group(), prefix + sense.value()))
				.toList();
			SENSES_OF.put(stem, moded);
			return moded;
		}
		List<Sense> exact = EXACT_SENSES.get(stem);
		List<Sense> senses = (exact != null) ? new ArrayList<>(exact) : new ArrayList<>();
		for (Map.Entry<String, Sense> prefix : PREFIX_SENSES) {
			if (stem.startsWith(prefix.getKey())) {
				senses.add(prefix.getValue());
			}
		}
		if (SENSES_OF.size() > 100_000) {
			// Headlines bring new words every day: forget them all now and then rather than grow for ever.
			SENSES_OF.clear();
		}
		List<Sense> result = List.copyOf(senses);
		SENSES_OF.put(stem, result);
		return result;
	}

	static boolean isPublisher(@Nullable String name) {
		if (name == null) {
			return false;
		}
		String compact = fold(name).replaceAll("[^a-z0-9]", "");
		return PUBLISHERS.contains(compact);
	}

	/** A value of a group of opposite words. */
	record Sense(String group, String value) {
	}

}
