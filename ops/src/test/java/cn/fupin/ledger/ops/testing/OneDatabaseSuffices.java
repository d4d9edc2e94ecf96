package cn.fupin.ledger.ops.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test whose outcome cannot depend on the database the suites run on: it reaches none, or what it checks was shown
 * to be the same on each (the generator's commands: the same digest on H2 and on MariaDB, docs/performance.md), or it
 * is a browser walk (the {@code *BrowserTest} classes): what a screen shows and how it reads on a phone, while every
 * rule and record behind the screen is checked on both databases by the HTTP tests beside it. It
 * runs in the H2 run of {@code ./test} and is left out of the MariaDB run ({@code -Pmysql} excludes the tag), which
 * would repeat it to the byte; it is never left out of both.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(OneDatabaseSuffices.TAG)
public @interface OneDatabaseSuffices {

    /** The tag the MariaDB run excludes (the root pom's {@code mysql} profile). */
    String TAG = "one-database";
}
