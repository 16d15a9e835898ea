package io.imsconnect.sandbox.ims;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.imsconnect.sandbox.data.Directory;

/**
 * IMS's logout: ends the sandbox session and sends the browser back, but only to a URI that some web client's
 * redirect pattern allows, so the endpoint is no open redirector. Takes IMS's {@code redirect_uri} and OIDC's
 * {@code post_logout_redirect_uri} (with {@code state}).
 */
@RestController
class LogoutController {

    private final Directory directory;

    LogoutController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/ims/logout/v1")
    ResponseEntity<Object> logout(HttpServletRequest request,
            @RequestParam(name = "redirect_uri", required = false) String redirectUri,
            @RequestParam(name = "post_logout_redirect_uri", required = false) String postLogoutRedirectUri,
            @RequestParam(name = "state", required = false) String state) {
        String target = redirectUri != null ? redirectUri : postLogoutRedirectUri;
        if (target != null && !RedirectUriPatternValidator.anyClientAllows(directory, target)) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_request"));
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (target == null) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("Signed out of the sandbox IMS.");
        }
        UriComponentsBuilder location = UriComponentsBuilder.fromUriString(target);
        if (state != null) {
            location.queryParam("state", state);
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(location.build().toUriString())).build();
    }
}
