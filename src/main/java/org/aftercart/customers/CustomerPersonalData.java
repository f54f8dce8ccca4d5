package org.aftercart.customers;

import java.util.List;
import java.util.UUID;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's profile, contact details and preferences. Erased last of all modules, because the
 * others may still read the contact details in the same transaction (e.g. to find a gift card sent
 * to the customer's address). The row stays as a tombstone without any identity: other modules keep
 * referring to its id, and nothing ever matches it again by e-mail or phone.
 */
@Component
class CustomerPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    CustomerPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "customers";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object(
                            'profile', (select to_jsonb(p) from (
                                select id, email, name, phone, country, language, time_zone as "timeZone",
                                       created_at as "createdAt", erased_at as "erasedAt"
                                from customers.customers where id = :id) p),
                            'preferences', (select to_jsonb(p) from (
                                select preferred_channel as "preferredChannel",
                                       marketing_consent as "marketingConsent",
                                       marketing_consent_at as "marketingConsentAt",
                                       quiet_hours_start as "quietHoursStart", quiet_hours_end as "quietHoursEnd",
                                       coalesce((select jsonb_object_agg(message_kind, channel)
                                                 from customers.channel_choices where customer_id = :id), '{}')
                                           as "channelByKind"
                                from customers.customers where id = :id) p),
                            'profileDetails', (select to_jsonb(p) from (
                                select case when birthday_month is null then null else jsonb_build_object(
                                           'month', birthday_month, 'day', birthday_day, 'year', birthday_year)
                                       end as birthday,
                                       favourite_categories as "favouriteCategories"
                                from customers.customers where id = :id) p))::text
                        """)
                .param("id", customerId)
                .query(String.class)
                .single();
    }

    @Override
    public boolean holdsIdentity() {
        return true;
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return List.of();
    }

    @Override
    public void erase(UUID customerId) {
        jdbc.sql(
                        """
                        update customers.customers set
                            email = null, name = null, phone = null, country = null, external_ref = null,
                            time_zone = null, quiet_hours_start = null, quiet_hours_end = null,
                            marketing_consent = false, marketing_consent_at = null,
                            birthday_month = null, birthday_day = null, birthday_year = null,
                            favourite_categories = '{}',
                            erased_at = coalesce(erased_at, now())
                        where id = ?
                        """)
                .param(customerId)
                .update();
        jdbc.sql("delete from customers.channel_choices where customer_id = ?")
                .param(customerId)
                .update();
    }
}
