package org.aftercart.tracking.carriers;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The time zone of a place, for carriers that give a local time without an offset (UPS, DHL
 * unified, MyDHL without {@code GMTOffset}).
 *
 * <p>The choice, as {@link org.aftercart.tracking.CarrierEvent} documents it: the zone of the
 * event's place when it is known, else UTC. "Known" means one of:
 *
 * <ul>
 *   <li>a US or Australian state: the zone of most of the state (Indiana, Kentucky, Tennessee,
 *       Florida and a few others span two zones; their smaller part is read an hour off);
 *   <li>a country listed here with one zone for its mainland (Spain and Portugal without their
 *       islands, for instance).
 * </ul>
 *
 * Everything else, including the United States, Canada, Brazil or Russia without a state, falls
 * back to UTC, which can put an event hours off but never on another calendar week.
 */
final class PlaceZones {

    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("AT", "Europe/Vienna"),
            Map.entry("BE", "Europe/Brussels"),
            Map.entry("BG", "Europe/Sofia"),
            Map.entry("CH", "Europe/Zurich"),
            Map.entry("CN", "Asia/Shanghai"),
            Map.entry("CZ", "Europe/Prague"),
            Map.entry("DE", "Europe/Berlin"),
            Map.entry("DK", "Europe/Copenhagen"),
            Map.entry("EE", "Europe/Tallinn"),
            Map.entry("ES", "Europe/Madrid"),
            Map.entry("FI", "Europe/Helsinki"),
            Map.entry("FR", "Europe/Paris"),
            Map.entry("GB", "Europe/London"),
            Map.entry("GR", "Europe/Athens"),
            Map.entry("HK", "Asia/Hong_Kong"),
            Map.entry("HR", "Europe/Zagreb"),
            Map.entry("HU", "Europe/Budapest"),
            Map.entry("IE", "Europe/Dublin"),
            Map.entry("IL", "Asia/Jerusalem"),
            Map.entry("IN", "Asia/Kolkata"),
            Map.entry("IT", "Europe/Rome"),
            Map.entry("JP", "Asia/Tokyo"),
            Map.entry("KR", "Asia/Seoul"),
            Map.entry("LT", "Europe/Vilnius"),
            Map.entry("LU", "Europe/Luxembourg"),
            Map.entry("LV", "Europe/Riga"),
            Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("NO", "Europe/Oslo"),
            Map.entry("NZ", "Pacific/Auckland"),
            Map.entry("PL", "Europe/Warsaw"),
            Map.entry("PT", "Europe/Lisbon"),
            Map.entry("RO", "Europe/Bucharest"),
            Map.entry("SE", "Europe/Stockholm"),
            Map.entry("SG", "Asia/Singapore"),
            Map.entry("SI", "Europe/Ljubljana"),
            Map.entry("SK", "Europe/Bratislava"),
            Map.entry("TW", "Asia/Taipei"),
            Map.entry("ZA", "Africa/Johannesburg"));

    private static final Map<String, String> US_STATES = Map.ofEntries(
            Map.entry("AL", "America/Chicago"),
            Map.entry("AK", "America/Anchorage"),
            Map.entry("AZ", "America/Phoenix"),
            Map.entry("AR", "America/Chicago"),
            Map.entry("CA", "America/Los_Angeles"),
            Map.entry("CO", "America/Denver"),
            Map.entry("CT", "America/New_York"),
            Map.entry("DC", "America/New_York"),
            Map.entry("DE", "America/New_York"),
            Map.entry("FL", "America/New_York"),
            Map.entry("GA", "America/New_York"),
            Map.entry("HI", "Pacific/Honolulu"),
            Map.entry("IA", "America/Chicago"),
            Map.entry("ID", "America/Boise"),
            Map.entry("IL", "America/Chicago"),
            Map.entry("IN", "America/Indiana/Indianapolis"),
            Map.entry("KS", "America/Chicago"),
            Map.entry("KY", "America/New_York"),
            Map.entry("LA", "America/Chicago"),
            Map.entry("MA", "America/New_York"),
            Map.entry("MD", "America/New_York"),
            Map.entry("ME", "America/New_York"),
            Map.entry("MI", "America/Detroit"),
            Map.entry("MN", "America/Chicago"),
            Map.entry("MO", "America/Chicago"),
            Map.entry("MS", "America/Chicago"),
            Map.entry("MT", "America/Denver"),
            Map.entry("NC", "America/New_York"),
            Map.entry("ND", "America/Chicago"),
            Map.entry("NE", "America/Chicago"),
            Map.entry("NH", "America/New_York"),
            Map.entry("NJ", "America/New_York"),
            Map.entry("NM", "America/Denver"),
            Map.entry("NV", "America/Los_Angeles"),
            Map.entry("NY", "America/New_York"),
            Map.entry("OH", "America/New_York"),
            Map.entry("OK", "America/Chicago"),
            Map.entry("OR", "America/Los_Angeles"),
            Map.entry("PA", "America/New_York"),
            Map.entry("PR", "America/Puerto_Rico"),
            Map.entry("RI", "America/New_York"),
            Map.entry("SC", "America/New_York"),
            Map.entry("SD", "America/Chicago"),
            Map.entry("TN", "America/Chicago"),
            Map.entry("TX", "America/Chicago"),
            Map.entry("UT", "America/Denver"),
            Map.entry("VA", "America/New_York"),
            Map.entry("VT", "America/New_York"),
            Map.entry("WA", "America/Los_Angeles"),
            Map.entry("WI", "America/Chicago"),
            Map.entry("WV", "America/New_York"),
            Map.entry("WY", "America/Denver"));

    private static final Map<String, String> AU_STATES = Map.of(
            "ACT", "Australia/Sydney",
            "NSW", "Australia/Sydney",
            "NT", "Australia/Darwin",
            "QLD", "Australia/Brisbane",
            "SA", "Australia/Adelaide",
            "TAS", "Australia/Hobart",
            "VIC", "Australia/Melbourne",
            "WA", "Australia/Perth");

    private PlaceZones() {}

    /** The zone of a place given as an alpha-2 country and a state or region code; UTC when unknown. */
    static ZoneId zoneOf(@Nullable String country, @Nullable String region) {
        String state = region == null ? null : region.strip().toUpperCase(Locale.ROOT);
        String zone = null;
        if ("US".equals(country) && state != null) {
            zone = US_STATES.get(state);
        } else if ("AU".equals(country) && state != null) {
            zone = AU_STATES.get(state);
        } else if (country != null) {
            zone = COUNTRIES.get(country);
        }
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }
}
