{{/* Release-scoped name of the chart's objects, e.g. "faultline" or "<release>-faultline". */}}
{{- define "faultline.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "faultline.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector of one component; call with (dict "root" $ "component" "ingest"). */}}
{{- define "faultline.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "faultline.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "faultline.fullname" .)) -}}
{{- end -}}

{{/* The settings every service shares: the ConfigMap and the Secret, plus extraEnv. */}}
{{- define "faultline.envFrom" -}}
- configMapRef:
    name: {{ include "faultline.fullname" . }}-config
- secretRef:
    name: {{ include "faultline.secretName" . }}
{{- end -}}
