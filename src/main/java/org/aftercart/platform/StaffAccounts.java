package org.aftercart.platform;

import java.util.Arrays;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The retailer's staff who sign in to the console: operators, agents, store associates and analysts.
 * What each role may open and do is written once, in the console's {@link StaffAccessPolicy}.
 */
@Service
public class StaffAccounts implements UserDetailsService {

    public enum Role {
        ADMIN,
        AGENT,
        ASSOCIATE,
        /** Reads lists and figures; changes nothing. */
        ANALYST
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates the account unless one with this e-mail exists. */
    public void createIfMissing(String email, String displayName, String password, Set<Role> roles) {
        boolean exists = jdbc.sql("select count(*) from platform.staff_users where email = ?")
                        .param(email.toLowerCase())
                        .query(Integer.class)
                        .single()
                > 0;
        if (exists) {
            return; // hashing a password is deliberately slow: don't do it for nothing
        }
        jdbc.sql(
                        """
                        insert into platform.staff_users (email, display_name, password_hash, roles)
                        values (?, ?, ?, ?) on conflict (email) do nothing
                        """)
                .params(
                        email.toLowerCase(),
                        displayName,
                        passwords.encode(password),
                        String.join(",", roles.stream().map(Role::name).sorted().toList()))
                .update();
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return jdbc.sql("select email, password_hash, roles, enabled from platform.staff_users where email = ?")
                .param(email.toLowerCase())
                .query((rs, row) -> User.withUsername(rs.getString("email"))
                        .password(rs.getString("password_hash"))
                        .roles(Arrays.stream(rs.getString("roles").split(","))
                                .map(String::trim)
                                .toArray(String[]::new))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + email));
    }
}
