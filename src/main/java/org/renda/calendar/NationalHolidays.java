package org.renda.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import org.renda.shared.SystemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled national holiday files ({@code classpath:calendar/CN-<year>.csv}, each naming the
 * State Council notice it comes from) into the national calendar, each file once per database. A new
 * year is added by dropping its file beside the others, or by a clerk importing the same file on the
 * calendar page. Runs before the demo dataset (order 10), which plans reception days on this calendar.
 */
@Component
@org.springframework.core.annotation.Order(5)
class NationalHolidays implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NationalHolidays.class);
    static final String LOCATION = "classpath:calendar/CN-*.csv";

    private final HolidayCalendar holidays;

    NationalHolidays(HolidayCalendar holidays) {
        this.holidays = holidays;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
        Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        for (Resource file : files) {
            String name = "calendar/" + file.getFilename();
            try (InputStream in = file.getInputStream()) {
                HolidayCalendar.ImportResult result = SystemContext.call(() -> holidays.seed(name, in));
                if (result.created() > 0) {
                    log.info("National calendar: {} days loaded from {}", result.created(), name);
                }
            }
        }
    }
}
