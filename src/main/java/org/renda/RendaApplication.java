package org.renda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Renda: the platform grassroots People's Congresses run their work on. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RendaApplication {

    public static void main(String[] args) {
        SpringApplication.run(RendaApplication.class, args);
    }
}
