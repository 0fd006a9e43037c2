package fr.manchette;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Manchette: French news feeds in, one merged feed and a headline ticker out. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ManchetteApplication {

	public static void main(String[] args) {
		SpringApplication.run(ManchetteApplication.class, args);
	}

}
