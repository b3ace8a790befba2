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

{{/* What the release runs, as JSON {name: values}: the enabled services and the portal. */}}
{{- define "admissions.components" -}}
{{- $components := dict -}}
{{- range $name, $svc := .Values.services }}{{ if $svc.enabled }}{{ $_ := set $components $name $svc }}{{ end }}{{ end -}}
{{- if .Values.portal.enabled }}{{ $_ := set $components "portal" .Values.portal }}{{ end -}}
{{- toJson $components -}}
{{- end -}}

{{/* The following take a dict: root (the top context), name (service or portal), svc (its values). */}}
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
app.kubernetes.io/component: {{ ternary "portal" "service" (eq .name "portal") }}
{{- end -}}

{{/* The portal runs the gateway app's image (the Dockerfile's SERVICE=gateway). */}}
{{- define "admissions.image" -}}
{{- $image := ternary "gateway" .name (eq .name "portal") -}}
{{- printf "%s/%s:%s" .root.Values.image.repository $image (default .root.Chart.AppVersion .root.Values.image.tag) -}}
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

{{/* Where browsers reach the portal (takes the top context). */}}
{{- define "admissions.portalUrl" -}}
{{- default (printf "https://%s" .Values.routing.domain) .Values.portal.publicUrl -}}
{{- end -}}

{{/* Public host and path prefixes (JSON): a service's API at <service>.<domain>, the portal at its URL's /. */}}
{{- define "admissions.route" -}}
{{- $routing := .root.Values.routing -}}
{{- if eq .name "portal" -}}
{{- toJson (dict "host" (urlParse (include "admissions.portalUrl" .root)).hostname "paths" (list "/")) -}}
{{- else -}}
{{- toJson (dict "host" (printf "%s.%s" .name $routing.domain) "paths" (ternary (list "/v1" "/docs" "/docs-json") (list "/v1") $routing.exposeApiDocs)) -}}
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

{{/* Settings from the ConfigMap and from the existing Secrets: the portal's, or a service's. */}}
{{- define "admissions.env" -}}
envFrom:
  - configMapRef:
      name: {{ include "admissions.name" . }}
env:
  - name: REDIS_URL
    valueFrom:
      secretKeyRef: { name: {{ .root.Values.redis.existingSecret.name }}, key: {{ .root.Values.redis.existingSecret.key }} }
  {{- if eq .name "portal" }}
  {{- /* The audience the portal asks tokens for is the one the services expect: one Secret says both. */}}
  - name: OIDC_AUDIENCE
    valueFrom:
      secretKeyRef: { name: {{ .root.Values.auth.existingSecret.name }}, key: {{ .root.Values.auth.existingSecret.audienceKey }} }
  {{- with .svc.oidc.existingSecret }}
  - name: OIDC_ISSUER_URL
    valueFrom:
      secretKeyRef: { name: {{ .name }}, key: {{ .issuerUrlKey }} }
  - name: OIDC_CLIENT_ID
    valueFrom:
      secretKeyRef: { name: {{ .name }}, key: {{ .clientIdKey }} }
  - name: OIDC_CLIENT_SECRET
    valueFrom:
      secretKeyRef: { name: {{ .name }}, key: {{ .clientSecretKey }} }
  {{- end }}
  {{- else }}
  - name: MONGO_URL
    valueFrom:
      secretKeyRef: { name: {{ .root.Values.mongodb.existingSecret.name }}, key: {{ .root.Values.mongodb.existingSecret.key }} }
  {{- with .root.Values.keyStore.existingSecret }}
  {{- if .name }}
  - name: KEY_STORE_URL
    valueFrom:
      secretKeyRef: { name: {{ .name }}, key: {{ .key }} }
  {{- end }}
  {{- end }}
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
  {{- end }}
{{- end -}}

{{/* NetworkPolicy egress rules: to the cluster DNS (takes networkPolicy), to a server (name, rule). */}}
{{- define "admissions.dnsEgress" -}}
- to:
    {{- toYaml .egress.dns.to | nindent 4 }}
  ports:
    {{- range .egress.dns.ports }}
    - { protocol: UDP, port: {{ . }} }
    - { protocol: TCP, port: {{ . }} }
    {{- end }}
{{- end -}}

{{- define "admissions.egress" -}}
# {{ .name }}
- to:
    {{- toYaml .rule.to | nindent 4 }}
  ports:
    {{- range .rule.ports }}
    - { protocol: TCP, port: {{ . }} }
    {{- end }}
{{- end -}}
