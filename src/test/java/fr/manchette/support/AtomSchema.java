package fr.manchette.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.junit.jupiter.api.Assumptions;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates an Atom document against the RFC 4287 RELAX NG schema of {@code ../shared/corpus/schemas/atom.rnc}
 * with Jing, a validator that shares nothing with the Rome that wrote it. Tests that need it are skipped without
 * the schema.
 */
public final class AtomSchema {

	private static final Path SCHEMA = Path.of("..", "shared", "corpus", "schemas", "atom.rnc");

	private AtomSchema() {
	}

	/** Every error Jing finds, as "line: message"; empty when the document is valid. */
	public static List<String> errors(String atom) throws IOException, SAXException {
		Assumptions.assumeTrue(Files.exists(SCHEMA), "needs ../shared/corpus/schemas/atom.rnc");
		List<String> errors = new ArrayList<>();
		PropertyMapBuilder properties = new PropertyMapBuilder();
		properties.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
			@Override
			public void warning(SAXParseException ex) {
			}

			@Override
			public void error(SAXParseException ex) {
				errors.add(ex.getLineNumber() + ": " + ex.getMessage());
			}

			@Override
			public void fatalError(SAXParseException ex) {
				errors.add(ex.getLineNumber() + ": " + ex.getMessage());
			}
		});
		ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
		if (!driver.loadSchema(ValidationDriver.fileInputSource(SCHEMA.toFile()))) {
			throw new IllegalStateException("Jing could not load " + SCHEMA);
		}
		if (!driver.validate(new InputSource(new StringReader(atom))) && errors.isEmpty()) {
			errors.add("invalid, with no message from Jing");
		}
		return errors;
	}

}
