package org.primarypipeline.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one handler method) that members, candidates or providers reach without a
 * console account, each request authorised by what it carries: a link token, a provider's signature, the
 * member's own data. The console checks at start-up that its list of public paths opens every path so
 * marked, so a renamed path cannot silently fall behind the console's sign-in again.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicDoor {}
