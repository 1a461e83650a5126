/**
 * The contract's report schema (../shared/design/report.schema.json, JSON Schema 2020-12) as data,
 * so `merge` can validate the reports it reads. A test keeps it equal to the contract's file.
 */
export const REPORT_SCHEMA = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://livecomply.dev/schema/report-1.json",
  "title": "livecomply audit report, schemaVersion 1",
  "type": "object",
  "required": [
    "schemaVersion",
    "tool",
    "files",
    "summary"
  ],
  "properties": {
    "schemaVersion": {
      "const": 1
    },
    "tool": {
      "type": "object",
      "required": [
        "name",
        "version"
      ],
      "properties": {
        "name": {
          "const": "livecomply"
        },
        "version": {
          "type": "string"
        }
      }
    },
    "interrupted": {
      "type": "boolean"
    },
    "files": {
      "type": "array",
      "items": {
        "type": "object",
        "required": [
          "path",
          "status",
          "findings"
        ],
        "properties": {
          "path": {
            "type": "string"
          },
          "language": {
            "type": [
              "string",
              "null"
            ]
          },
          "status": {
            "enum": [
              "ok",
              "error"
            ]
          },
          "error": {
            "type": "string",
            "minLength": 1
          },
          "durationSec": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0
          },
          "transcriptSource": {
            "enum": [
              "asr",
              "sidecar",
              "embedded",
              "transcript",
              "cache"
            ]
          },
          "findings": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/finding"
            }
          },
          "manifest": {
            "type": "string",
            "minLength": 1,
            "description": "the product manifest used for this file, if any"
          }
        },
        "if": {
          "properties": {
            "status": {
              "const": "error"
            }
          }
        },
        "then": {
          "required": [
            "error"
          ]
        },
        "else": {
          "required": [
            "language",
            "durationSec",
            "transcriptSource"
          ]
        }
      }
    },
    "summary": {
      "type": "object",
      "required": [
        "files",
        "failed",
        "findings",
        "bySeverity"
      ],
      "properties": {
        "files": {
          "type": "integer",
          "minimum": 0
        },
        "failed": {
          "type": "integer",
          "minimum": 0
        },
        "findings": {
          "type": "integer",
          "minimum": 0
        },
        "bySeverity": {
          "type": "object",
          "propertyNames": {
            "enum": [
              "error",
              "warning",
              "info"
            ]
          },
          "additionalProperties": {
            "type": "integer",
            "minimum": 0
          }
        }
      }
    }
  },
  "$defs": {
    "finding": {
      "type": "object",
      "required": [
        "ruleId",
        "category",
        "kind",
        "severity",
        "start",
        "end",
        "text",
        "context",
        "message",
        "reference"
      ],
      "properties": {
        "ruleId": {
          "type": "string",
          "minLength": 1
        },
        "category": {
          "type": "string",
          "minLength": 1
        },
        "kind": {
          "enum": [
            "prohibited",
            "missing"
          ]
        },
        "severity": {
          "enum": [
            "error",
            "warning",
            "info"
          ]
        },
        "start": {
          "type": [
            "number",
            "null"
          ],
          "minimum": 0
        },
        "end": {
          "type": [
            "number",
            "null"
          ],
          "minimum": 0
        },
        "text": {
          "type": "string"
        },
        "context": {
          "type": "string"
        },
        "message": {
          "type": "string",
          "minLength": 1
        },
        "reference": {
          "type": "string",
          "minLength": 1
        },
        "line": {
          "type": "integer",
          "minimum": 1
        },
        "source": {
          "enum": [
            "speech",
            "subtitle",
            "screen"
          ],
          "description": "where the words were: spoken (transcript or speech recognition), a subtitle track, or text shown on screen; absent means speech"
        },
        "product": {
          "type": "string",
          "minLength": 1,
          "description": "the manifest product the finding concerns, by its name"
        },
        "declared": {
          "type": "object",
          "description": "for a statement that contradicts the manifest: the declared values, e.g. {\"origin\": \"CN\"}"
        },
        "basis": {
          "enum": [
            "statute",
            "guideline",
            "policy"
          ],
          "description": "what the cited reference is: a law, official guidance, or a house or platform policy with no legal duty behind it"
        },
        "url": {
          "type": "string",
          "minLength": 1,
          "description": "where the cited text can be read"
        }
      }
    }
  }
} as const;
