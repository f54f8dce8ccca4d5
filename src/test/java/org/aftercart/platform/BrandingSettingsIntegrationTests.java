package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The saved brand on real PostgreSQL: over the configuration's, reset to it, seen by another instance in time. */
@SpringBootTest
class BrandingSettingsIntegrationTests {

    static final Branding MAISON_LUNE = new Branding(
            "Maison Lune",
            URI.create("https://cdn.example.org/lune.svg"),
            "#7c2d12",
            "#1e1b4b",
            "#fffbeb",
            "Georgia, serif",
            Map.of("fr", "Bonjour {0} !"));

    @Autowired
    BrandingSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Environment environment;

    @AfterEach
    void backToTheConfiguration() {
        settings.reset();
    }

    @Test
    void aSavedBrandAppliesOverTheConfigurationsUntilReset() {
        Branding configured = settings.defaults();
        assertThat(configured.shopName()).isEqualTo("Aftercart Demo Shop");
        assertThat(settings.current()).isEqualTo(configured);
        assertThat(settings.saved()).isEmpty();

        Branding replaced = settings.save(MAISON_LUNE, "staff:admin@example.org");

        assertThat(replaced).isEqualTo(configured);
        assertThat(settings.current()).isEqualTo(MAISON_LUNE);
        assertThat(settings.saved().orElseThrow().updatedBy()).isEqualTo("staff:admin@example.org");
        assertThat(settings.save(MAISON_LUNE, "staff:other@example.org")).isEqualTo(MAISON_LUNE);
        assertThat(jdbc.sql("select count(*) from platform.branding")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(settings.reset()).isEqualTo(MAISON_LUNE);
        assertThat(settings.current()).isEqualTo(configured);
        assertThat(settings.saved()).isEmpty();
    }

    @Test
    void anotherInstanceSeesTheChangeWithinTheCacheTime() {
        SettableClock otherClock = new SettableClock(Instant.now());
        BrandingSettings otherInstance = new BrandingSettings(jdbc, json, otherClock, environment);
        assertThat(otherInstance.current().shopName()).isEqualTo("Aftercart Demo Shop");

        settings.save(MAISON_LUNE, "staff:admin@example.org");

        assertThat(settings.current()).as("at once where it was saved").isEqualTo(MAISON_LUNE);
        otherClock.advance(Duration.ofSeconds(BrandingSettings.CACHE_SECONDS - 1));
        assertThat(otherInstance.current().shopName()).as("not yet elsewhere").isEqualTo("Aftercart Demo Shop");
        otherClock.advance(Duration.ofSeconds(1));
        assertThat(otherInstance.current()).as("after the cache time").isEqualTo(MAISON_LUNE);
    }

    @Test
    void aSavedBrandThatNoLongerPassesTheChecksGivesWayToTheConfigurations() {
        jdbc.sql(
                        """
                        insert into platform.branding (shop_name, primary_colour, accent_colour, background_colour,
                            font_family, updated_by, updated_at)
                        values ('Old', 'not-a-colour', '#000000', '#ffffff', 'serif', 'staff:x', now())
                        """)
                .update();
        BrandingSettings fresh = new BrandingSettings(jdbc, json, Clock.systemUTC(), environment);
        assertThat(fresh.current()).isEqualTo(fresh.defaults());
    }

    /** A clock the test moves by hand. */
    static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
