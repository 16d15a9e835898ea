package io.imsconnect.server.group;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/security-groups")
class GroupApiController {

    private final GroupService groups;

    GroupApiController(GroupService groups) {
        this.groups = groups;
    }

    @GetMapping
    List<SecurityGroup> list() {
        return groups.list();
    }

    @PostMapping
    ResponseEntity<SecurityGroup> create(@RequestBody GroupRequest request) {
        SecurityGroup created = groups.create(request);
        return ResponseEntity.created(URI.create("/api/v1/security-groups/" + created.internalName())).body(created);
    }

    @GetMapping("/{internalName}")
    SecurityGroup get(@PathVariable String internalName) {
        return groups.get(internalName);
    }

    @PutMapping("/{internalName}")
    SecurityGroup update(@PathVariable String internalName, @RequestBody GroupRequest request) {
        return groups.update(internalName, request);
    }

    @DeleteMapping("/{internalName}")
    ResponseEntity<Void> delete(@PathVariable String internalName) {
        groups.delete(internalName);
        return ResponseEntity.noContent().build();
    }
}
