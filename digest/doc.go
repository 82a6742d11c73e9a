package digest
