package org.xietong.rotation.post;

/** 点单 → 派单: a school REQUESTED the post, the district officer DISPATCHED it (it then joins matching runs). */
public enum PostStatus {
    REQUESTED, DISPATCHED, WITHDRAWN
}
