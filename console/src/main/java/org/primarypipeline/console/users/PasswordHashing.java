package org.primarypipeline.console.users;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id (the OWASP first choice, winner of the Password Hashing Competition): memory-hard, so a
 * stolen table costs an attacker memory as well as time per guess, which bcrypt and PBKDF2 do not.
 * Spring Security's 5.8 defaults: 16 MiB, 2 passes, one lane; about 50 ms a check on this project's
 * machines. Hashes are stored with an {@code {argon2}} prefix so a stronger setting can be introduced
 * later and old hashes still verify.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

    public static final String CURRENT = "argon2";

    /** Shorter passphrases are refused; length beats composition rules (NIST SP 800-63B). */
    public static final int MIN_LENGTH = 12;

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                CURRENT, Map.of(CURRENT, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    public static void checkStrength(String username, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (username != null && new String(password).toLowerCase().contains(username.toLowerCase())) {
            throw new IllegalArgumentException("a password must not contain the account name");
        }
    }
}
