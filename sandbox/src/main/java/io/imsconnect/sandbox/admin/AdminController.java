package io.imsconnect.sandbox.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.sandbox.data.Directory;
import io.imsconnect.sandbox.data.Membership;
import io.imsconnect.sandbox.data.SandboxUser;
import io.imsconnect.sandbox.faults.FaultSwitches;
import io.imsconnect.sandbox.faults.Faults;
import io.imsconnect.sandbox.keys.KeyRing;
import io.imsconnect.sandbox.umapi.UmapiCalls;

/**
 * Endpoints that exist only in the sandbox, for tests: fault switches, key rotation, membership changes, how
 * UMAPI's users' pages were asked for.
 * Loopback callers only ({@link LoopbackOnlyFilter}).
 */
@RestController
@RequestMapping("/sandbox")
class AdminController {

    private final FaultSwitches faults;

    private final KeyRing keys;

    private final Directory directory;

    private final UmapiCalls umapiCalls;

    AdminController(FaultSwitches faults, KeyRing keys, Directory directory, UmapiCalls umapiCalls) {
        this.umapiCalls = umapiCalls;
        this.faults = faults;
        this.keys = keys;
        this.directory = directory;
    }

    @GetMapping("/faults")
    Faults faults() {
        return faults.current();
    }

    /** Replaces all switches: fields left out are off. */
    @PutMapping("/faults")
    Faults setFaults(@RequestBody FaultsRequest body) {
        faults.set(body.toFaults());
        return faults.current();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.set(Faults.NONE);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/umapi-calls/{orgId}")
    Map<String, Integer> umapiCalls(@PathVariable String orgId) {
        return umapiCalls.of(orgId);
    }

    @DeleteMapping("/umapi-calls")
    ResponseEntity<Void> resetUmapiCalls() {
        umapiCalls.reset();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/keys/rotate")
    Map<String, String> rotate() {
        String previous = keys.current().getKeyID();
        RSAKey next = keys.rotate();
        return Map.of("keyId", next.getKeyID(), "previousKeyId", previous);
    }

    @PutMapping("/users/{userId}/orgs/{orgId}/profiles")
    Map<String, Object> setProfiles(@PathVariable String userId, @PathVariable String orgId,
            @RequestBody List<String> profiles) {
        Membership current = currentMembership(userId, orgId);
        return membership(directory.changeMembership(userId, orgId, current.withProfiles(profiles)), orgId);
    }

    @PutMapping("/users/{userId}/orgs/{orgId}/groups")
    Map<String, Object> setGroups(@PathVariable String userId, @PathVariable String orgId,
            @RequestBody List<String> groups) {
        Membership current = currentMembership(userId, orgId);
        return membership(directory.changeMembership(userId, orgId, current.withGroups(groups)), orgId);
    }

    /** The body of a rename: the user's new first and last names. */
    record Name(String firstName, String lastName) {
    }

    /** Renames the user, so tests can send any text in the name claims. */
    @PutMapping("/users/{userId}/name")
    Map<String, String> rename(@PathVariable String userId, @RequestBody Name name) {
        SandboxUser renamed = directory.rename(userId, name.firstName(), name.lastName());
        return Map.of("name", renamed.displayName());
    }

    /**
     * Sets the user's status in the organization as UMAPI lists it ({@code active}, {@code disabled}, {@code locked},
     * {@code removed}); the body is the status as a JSON string.
     */
    @PutMapping("/users/{userId}/orgs/{orgId}/status")
    Map<String, Object> setStatus(@PathVariable String userId, @PathVariable String orgId,
            @RequestBody String status) {
        Membership current = currentMembership(userId, orgId);
        String plain = status.strip().replaceAll("^\"|\"$", "");
        return membership(directory.changeMembership(userId, orgId, current.withStatus(plain)), orgId);
    }

    /** Takes the user out of the organization altogether. */
    @DeleteMapping("/users/{userId}/orgs/{orgId}")
    ResponseEntity<Void> removeFromOrg(@PathVariable String userId, @PathVariable String orgId) {
        directory.changeMembership(userId, orgId, null);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", String.valueOf(ex.getMessage())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
    }

    private Membership currentMembership(String userId, String orgId) {
        SandboxUser user = directory.user(userId).orElseThrow(() -> new NoSuchElementException("unknown user"));
        return user.membership(orgId);
    }

    private static Map<String, Object> membership(SandboxUser user, String orgId) {
        Membership membership = user.membership(orgId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", user.id());
        json.put("orgId", orgId);
        json.put("profiles", membership.profiles());
        json.put("groups", membership.groups());
        json.put("status", membership.status());
        return json;
    }
}
