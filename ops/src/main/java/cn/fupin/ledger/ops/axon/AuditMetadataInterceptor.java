package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.ops.web.RequestIdFilter;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Reasoned;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts on every command who sends it (the authenticated user and role), the request id, the remote address (not
 * for a member of the public objecting to a notice: objectors are protected) and the reason the person gave. The
 * correlation data provider copies these onto every event the command causes. A command with no authenticated sender
 * is refused: every act in the ledger is attributed to a person, to the public or to a named system process.
 */
@Component
public class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(metadataFor(command.getPayload()));
    }

    private static Map<String, Object> metadataFor(Object payload) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            throw new IllegalStateException("a command was sent with nobody to attribute it to");
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditMetadata.ACTOR, authentication.getName());
        metadata.put(AuditMetadata.ROLE, roleOf(authentication));
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
            if (requestId != null) {
                metadata.put(AuditMetadata.REQUEST_ID, requestId.toString());
            }
            // A member of the public objecting to a notice is not traced by address: objectors are protected, and the
            // rate limit that keeps the form usable counts addresses in memory only.
            if (!isPublic(authentication)) {
                metadata.put(AuditMetadata.REMOTE_ADDRESS, request.getRemoteAddr());
            }
        }
        if (payload instanceof Reasoned reasoned && reasoned.reason() != null && !reasoned.reason().isBlank()) {
            metadata.put(AuditMetadata.REASON, reasoned.reason().strip());
        }
        return metadata;
    }

    private static boolean isPublic(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_PUBLIC".equals(a.getAuthority()));
    }

    /**
     * The role the command is decided under: the one role the request acts in, read as the command's {@code Actor}
     * reads it ({@link Actor#acting}), so that the metadata never names another.
     */
    private static String roleOf(Authentication authentication) {
        return Actor.acting(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList()).role();
    }
}
