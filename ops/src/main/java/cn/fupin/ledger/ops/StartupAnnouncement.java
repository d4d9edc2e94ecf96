package cn.fupin.ledger.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Tells a newcomer, once the ledger is ready, which addresses to open. */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder("\n\n  扶贫资金账本 / poverty-alleviation fund ledger is ready\n")
                .append("  ").append(base).append("/                      start page\n")
                .append("  ").append(base).append("/api/funds             fund balances (HTTP Basic)\n")
                .append("  ").append(base).append("/api/funds/county-floor?fiscalYear=2015\n")
                .append("  ").append(base).append("/api/places/townships  townships and villages\n")
                .append("  ").append(base).append("/actuator/health       health\n");
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            text.append("  demo users (password demo): clerk, clerk2, approver, auditor, reviewer, township\n")
                    .append("  try: curl -u clerk:demo ").append(base).append("/api/funds\n");
        }
        log.info(text.toString());
    }
}
