{{/* Prefix of every object's name. */}}
{{- define "admissions.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object, but for the ones that select pods. */}}
{{- define "admissions.chartLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: admissions
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Labels of the objects that belong to the release rather than to one service. */}}
{{- define "admissions.commonLabels" -}}
{{ include "admissions.chartLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The following take a dict: root (the top context), name (service), svc (its values). */}}
{{- define "admissions.name" -}}
{{- printf "%s-%s" (include "admissions.fullname" .root) .name -}}
{{- end -}}

{{- define "admissions.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "admissions.labels" -}}
{{ include "admissions.chartLabels" .root }}
{{ include "admissions.selectorLabels" . }}
app.kubernetes.io/component: service
{{- end -}}

{{- define "admissions.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.repository .name (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* The consumer groups of a service, from the dead-letter topics of the registry (JSON list). */}}
{{- define "admissions.consumerGroups" -}}
{{- $groups := list -}}
{{- range (.root.Files.Get "files/topics.json" | fromJson).topics -}}
{{- if and (eq .kind "dead-letter") (eq .owner $.name) -}}
{{- $groups = append $groups (trimSuffix ".dlq" .name) -}}
{{- end -}}
{{- end -}}
{{- toJson $groups -}}
{{- end -}}

{{/* "true" when KEDA rather than an HPA scales the service. */}}
{{- define "admissions.kedaScaled" -}}
{{- if and .root.Values.keda.enabled .svc.autoscaling.enabled (gt (len (include "admissions.consumerGroups" . | fromJsonArray)) 0) -}}
true
{{- end -}}
{{- end -}}

{{/* Pod and container hardening, shared by the Deployments and the Jobs. */}}
{{- define "admissions.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.runAsUser }}
runAsGroup: {{ .Values.runAsUser }}
fsGroup: {{ .Values.runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "admissions.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Settings from the service's ConfigMap and from the existing Secrets. */}}
{{- define "admissions.env" -}}
envFrom:
  - configMapRef:
      name: {{ include "admissions.name" . }}
env:
  - name: MONGO_URL
    valueFrom:
      secretKeyRef: { name: {{ .root.Values.mongodb.existingSecret.name }}, key: {{ .root.Values.mongodb.existingSecret.key }} }
  - name: REDIS_URL
    valueFrom:
      secretKeyRef: { name: {{ .root.Values.redis.existingSecret.name }}, key: {{ .root.Values.redis.existingSecret.key }} }
  {{- with .root.Values.auth.existingSecret }}
  - name: AUTH_JWKS_URL
    valueFrom:
      secretKeyRef: { name: {{ .name }}, key: {{ .jwksUrlKey }} }
  - name: AUTH_ISSUER
    valueFrom:
      secretKeyRef: { name: {{ .name }}, key: {{ .issuerKey }} }
  - name: AUTH_AUDIENCE
    valueFrom:
      secretKeyRef: { name: {{ .name }}, key: {{ .audienceKey }} }
  {{- end }}
  {{- if and (eq .name "notification") .root.Values.smtp.existingSecret.name }}
  {{- with .root.Values.smtp.existingSecret }}
  - name: SMTP_USER
    valueFrom:
      secretKeyRef: { name: {{ .name }}, key: {{ .usernameKey }} }
  - name: SMTP_PASSWORD
    valueFrom:
      secretKeyRef: { name: {{ .name }}, key: {{ .passwordKey }} }
  {{- end }}
  {{- end }}
{{- end -}}
