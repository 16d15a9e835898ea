package io.imsconnect.server.group;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** An operator group of the instance: its internal name, label, rights and how many memberships use it. */
public record SecurityGroup(String internalName, String label, SortedSet<String> rights, long memberCount) {

    public SecurityGroup {
        rights = Collections.unmodifiableSortedSet(new TreeSet<>(rights));
    }
}
