package fr.manchette.dedup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/** The headlines of a file of labelled pairs (labelled-pairs.tsv and its like), both of each pair, in file order. */
final class PairedHeadlines {

	private PairedHeadlines() {
	}

	static List<String> of(String file) throws IOException {
		String text = new ClassPathResource(file, PairedHeadlines.class).getContentAsString(StandardCharsets.UTF_8);
		List<String> titles = new ArrayList<>();
		for (String line : text.split("\n")) {
			String[] fields = line.split("\t");
			if (line.startsWith("#") || fields.length != 8 || fields[0].equals("label")) {
				continue;
			}
			titles.add(fields[4]);
			titles.add(fields[7]);
		}
		return titles;
	}

}
