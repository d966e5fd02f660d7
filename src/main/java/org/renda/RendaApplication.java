package org.renda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Renda: the platform grassroots People's Congresses run their work on. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RendaApplication {

    public static void main(String[] args) {
        // Every congress works on China Standard Time: a duty's date is the date in Beijing, wherever the
        // server's clock is set. Override with -Drenda.zone=... only for tests of other zones.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(System.getProperty("renda.zone", "Asia/Shanghai")));
        SpringApplication.run(RendaApplication.class, args);
    }
}
