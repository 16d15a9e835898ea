package io.imsconnect.sandbox.ims;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * IMS's token validation, as Adobe's Go client ({@code adobe/ims-go}) calls it: {@code POST
 * /ims/validate_token/v1}, form fields {@code type}, {@code client_id}, {@code token}, header
 * {@code X-IMS-ClientId}; answers {@code {"valid": true|false, …}}. Valid: a live (not revoked, not expired)
 * access token issued to that client. The answer's other fields are the sandbox's, not IMS's documented ones.
 */
@RestController
class ValidateTokenController {

    private final BearerTokens tokens;
    private final RegisteredClientRepository clients;

    ValidateTokenController(BearerTokens tokens, RegisteredClientRepository clients) {
        this.tokens = tokens;
        this.clients = clients;
    }

    @PostMapping("/ims/validate_token/v1")
    ResponseEntity<Map<String, Object>> validate(@RequestParam(required = false) String type,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(required = false) String token,
            @RequestHeader(name = "X-IMS-ClientId", required = false) String headerClientId) {
        if (clientId == null || token == null || type == null || !clientId.equals(headerClientId)) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_request",
                    "error_description", "type, client_id, token and the header X-IMS-ClientId are required"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        OAuth2Authorization authorization = "access_token".equals(type)
                ? tokens.authorization("Bearer " + token).orElse(null) : null;
        boolean valid = authorization != null && clients.findById(authorization.getRegisteredClientId()) != null
                && clientId.equals(clients.findById(authorization.getRegisteredClientId()).getClientId());
        answer.put("valid", valid);
        if (valid) {
            answer.put("token", authorization.getAccessToken().getClaims());
            answer.put("expires_at", authorization.getAccessToken().getToken().getExpiresAt());
        } else {
            answer.put("reason", "bad_token");
        }
        return ResponseEntity.ok(answer);
    }
}
